package dev.hotframe.devserver.session;

import static org.assertj.core.api.Assertions.assertThat;

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
    void toStringHidesTheValue() {
        assertThat(AccessToken.generate()).hasToString("AccessToken[hidden]");
    }
}
