package dev.hotframe.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ColorsTest {

    @Test
    void sixDigitsAreOpaque() {
        assertThat(Colors.parse("#FF3366")).isEqualTo(0xFFFF3366);
        assertThat(Colors.parse("#ff3366")).isEqualTo(0xFFFF3366);
    }

    @Test
    void eightDigitsKeepTheirAlpha() {
        assertThat(Colors.parse("#80FF3366")).isEqualTo(0x80FF3366);
        assertThat(Colors.parse("#00000000")).isEqualTo(0);
    }

    @Test
    void otherTextIsNotAColour() {
        for (String text : new String[] {null, "", "#", "#12345", "#1234567", "FF3366", "#GG3366", "#FF3366 "}) {
            assertThat(Colors.isColor(text)).as("isColor(%s)", text).isFalse();
        }
    }

    @Test
    void parsingANonColourNamesIt() {
        assertThatThrownBy(() -> Colors.parse("#12345"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'#12345' is not a colour; write #RRGGBB or #AARRGGBB");
    }
}
