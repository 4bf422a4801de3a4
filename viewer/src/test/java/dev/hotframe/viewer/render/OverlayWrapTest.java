package dev.hotframe.viewer.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humbleui.skija.Font;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The error panel breaks long lines where a reader expects, with the overlay's real font. */
@Timeout(30)
class OverlayWrapTest {

    private final Font font = new Fonts().font(13, false);

    @Test
    void wordsBreakAtSpacesAndEveryPieceFits() {
        String line = "the app class dev.hotframe.sample.DashboardApp is not in the new code: was it deleted or renamed?"
                + " The viewer keeps running the last good code.";

        List<String> lines = Overlay.wrap(line, font, 300);

        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines).allSatisfy(piece -> assertThat(font.measureTextWidth(piece)).isLessThanOrEqualTo(300));
        assertThat(String.join(" ", lines.stream().map(String::strip).toList())).isEqualTo(line);
    }

    @Test
    void aLongQualifiedNameBreaksAfterADotNotInsideAName() {
        String line = "at dev.hotframe.sample.verylongpackagename.anotherlongpackagename.DashboardApplication.renderEverything(DashboardApp.java:103)";

        List<String> lines = Overlay.wrap(line, font, 200);

        assertThat(lines).hasSizeGreaterThan(1);
        for (int i = 0; i < lines.size() - 1; i++) {
            assertThat(lines.get(i)).as("line %d ends at a space or punctuation", i).matches(".*[.,/(:]$|^at$");
        }
        assertThat(String.join("", lines.stream().map(String::strip).toList())).isEqualTo(line);
    }
}
