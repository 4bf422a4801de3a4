package dev.hotframe.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BindingsTest {

    private static final Map<String, Object> STATE = Map.of(
            "score", 42.0, "speed", 1.23456, "player.name", "Ada", "lives", 3, "cost", "$5 \\ each");

    @Test
    void interpolatesPresentPaths() {
        assertThat(Bindings.interpolate("Score: ${score} by ${player.name}, ${lives} lives at ${speed}", STATE::get))
                .isEqualTo("Score: 42 by Ada, 3 lives at 1.23");
    }

    @Test
    void missingPathIsShownOnScreen() {
        assertThat(Bindings.interpolate("Hi ${player.nick}!", STATE::get)).isEqualTo("Hi \u27e8player.nick?\u27e9!");
    }

    @Test
    void replacementTextIsTakenLiterally() {
        assertThat(Bindings.interpolate("${cost}", STATE::get)).isEqualTo("$5 \\ each");
    }

    @Test
    void textWithoutPlaceholdersIsReturnedAsIs() {
        assertThat(Bindings.interpolate("Score: $score {x}", STATE::get)).isEqualTo("Score: $score {x}");
        assertThat(Bindings.isBinding("Score: $score {x}")).isFalse();
        assertThat(Bindings.isBinding("Score: ${score}")).isTrue();
        assertThat(Bindings.isBinding(null)).isFalse();
    }

    @Test
    void wholePathIsOnlyForASinglePlaceholder() {
        assertThat(Bindings.wholePath("${player.name}")).isEqualTo("player.name");
        assertThat(Bindings.wholePath("Score: ${score}")).isNull();
        assertThat(Bindings.wholePath("${a}${b}")).isNull();
        assertThat(Bindings.wholePath("${1bad}")).isNull();
        assertThat(Bindings.wholePath("plain")).isNull();
    }
}
