package dev.hotframe.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TierTest {

    private static final WireCodec CODEC = new WireCodec();

    @Test
    void everyTierTravelsAsItsLowerCaseName() {
        for (Tier tier : Tier.values()) {
            ViewerMessage.Ack ack = new ViewerMessage.Ack(3, true, tier, 10, 20, null, Map.of());
            String json = CODEC.encode(ack);

            assertThat(json).as("%s", tier.name()).isEqualTo("{\"type\":\"ack\",\"seq\":3,\"ok\":true,\"tier\":\""
                    + tier.name().toLowerCase(Locale.ROOT) + "\",\"appliedAtMs\":10,\"renderedAtMs\":20,"
                    + "\"error\":null,\"phasesMs\":{}}");
            assertThat(CODEC.decodeViewer(json)).isEqualTo(ack);
        }
    }

    @Test
    void ofFindsATierByItsWrittenName() {
        assertThat(Arrays.stream(Tier.values()).map(t -> Tier.of(t.toString())).toList()).containsExactly(Tier.values());
        assertThat(Tier.RESTART).hasToString("restart");
    }

    @Test
    void ofRefusesAnyOtherNameNamingTheTiers() {
        assertThatThrownBy(() -> Tier.of("Reload"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'tier' must be one of snapshot, scene, asset, redefine, reload, restart, undo, error, was 'Reload'");
    }

    @Test
    void scenesAssetsAndErrorsLeaveTheCodeAsItWas() {
        assertThat(Arrays.stream(Tier.values()).filter(t -> !t.changesCode()).toList())
                .isEqualTo(List.of(Tier.SCENE, Tier.ASSET, Tier.ERROR));
    }
}
