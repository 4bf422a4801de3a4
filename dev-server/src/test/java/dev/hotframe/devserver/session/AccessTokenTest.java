package dev.hotframe.devserver.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AccessTokenTest {

    @Test
    void tokenIs256RandomBitsInHex() {
        AccessToken token = AccessToken.generate();

        assertThat(token.value()).matches("[0-9a-f]{64}");
        assertThat(AccessToken.generate().value()).isNotEqualTo(token.value());
    }

    @Test
    void onlyTheExactTokenMatches() {
        AccessToken token = AccessToken.generate();

        assertThat(token.matches(token.value())).isTrue();
        assertThat(token.matches(token.value().toUpperCase(java.util.Locale.ROOT))).isFalse();
        assertThat(token.matches(token.value().substring(1))).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void aChosenTokenMustBeLongAndHeaderSafe() {
        assertThat(AccessToken.of("  " + "a1".repeat(16) + "\n").value()).isEqualTo("a1".repeat(16));
        assertThatThrownBy(() -> AccessToken.of("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a token must be at least 32 characters (128 bits as hex) of letters, digits, '.', '_', '~' or '-'; "
                        + "got 5 characters");
        assertThatThrownBy(() -> AccessToken.of("x".repeat(31) + " y"))
                .hasMessageEndingWith("got 33 characters including others");
    }

    @Test
    void toStringHidesTheValue() {
        assertThat(AccessToken.generate()).hasToString("AccessToken[hidden]");
    }
}
