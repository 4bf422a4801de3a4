package dev.hotframe.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeldAssetsTest {

    private static final AssetFile LOGO1 = new AssetFile("assets/logo.png", new byte[] {1});
    private static final AssetFile LOGO2 = new AssetFile("assets/logo.png", new byte[] {2});
    private static final AssetFile BG = new AssetFile("assets/bg.sksl", new byte[] {3});
    private static final UpdateMeta META = new UpdateMeta(1, List.of(), 0, Map.of());

    @Test
    void aSnapshotReplacesWhatIsHeld() {
        HeldAssets held = new HeldAssets(Map.of("assets/old.png", "ab".repeat(32)));

        held.apply(new ServerMessage.Snapshot(META, "demo.A", List.of(), Map.of(), List.of(), List.of(LOGO1, BG), List.of()));

        assertThat(held.asMap()).isEqualTo(Map.of(LOGO1.path(), LOGO1.sha256(), BG.path(), BG.sha256()));
    }

    @Test
    void aChangedAssetNoLongerHoldsItsOldBytesAndADeletedOneIsDropped() {
        HeldAssets held = new HeldAssets();
        held.apply(new ServerMessage.AssetUpdate(META, List.of(LOGO1, BG), List.of()));

        held.apply(new ServerMessage.AssetUpdate(META, List.of(LOGO2), List.of(BG.path())));

        assertThat(held.asMap()).isEqualTo(Map.of(LOGO2.path(), LOGO2.sha256()));
        assertThat(held.missing(List.of(LOGO1, LOGO2, BG))).containsExactly(LOGO1, BG);
    }

    @Test
    void codeScenesAndFailuresChangeNothing() {
        HeldAssets held = new HeldAssets(Map.of(BG.path(), BG.sha256()));

        held.apply(new ServerMessage.UpdateFailed(META, List.of()));
        held.apply(new ServerMessage.CodeUpdate(META, Tier.REDEFINE, "bodies", List.of(), List.of()));

        assertThat(held.asMap()).isEqualTo(Map.of(BG.path(), BG.sha256()));
    }
}
