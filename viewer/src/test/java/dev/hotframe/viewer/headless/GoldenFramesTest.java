package dev.hotframe.viewer.headless;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Golden-frame comparison on real Skija raster frames. */
@Timeout(30)
class GoldenFramesTest {

    @TempDir
    Path dir;

    @Test
    void recordedGoldenFrameMatchesTheSameFrame() throws Exception {
        Path golden = dir.resolve("golden");
        try (Image frame = frame(0xFF3366FF)) {
            new GoldenFrames(golden, 2, true).check(3, frame, png(frame), dir);
            GoldenFrames check = new GoldenFrames(golden, 2, false);

            GoldenFrames.Result result = check.check(3, frame, png(frame), dir);

            assertThat(result.ok()).as(result.message()).isTrue();
            assertThat(check.failures()).isZero();
            assertThat(dir.resolve("diff-3.png")).doesNotExist();
        }
    }

    @Test
    void smallDifferencesWithinTheToleranceMatch() throws Exception {
        Path golden = dir.resolve("golden");
        try (Image recorded = frame(0xFF3366FF); Image now = frame(0xFF3467FE)) {
            new GoldenFrames(golden, 2, true).check(1, recorded, png(recorded), dir);

            assertThat(new GoldenFrames(golden, 2, false).check(1, now, png(now), dir).ok()).isTrue();
            assertThat(new GoldenFrames(golden, 0, false).check(1, now, png(now), dir).ok()).isFalse();
        }
    }

    @Test
    void changedPixelsAreCountedAndPaintedRedInADiff() throws Exception {
        Path golden = dir.resolve("golden");
        try (Image recorded = frame(0xFF3366FF); Image now = frame(0xFFFF3366)) {
            new GoldenFrames(golden, 2, true).check(2, recorded, png(recorded), dir);
            GoldenFrames check = new GoldenFrames(golden, 2, false);

            GoldenFrames.Result result = check.check(2, now, png(now), dir);

            assertThat(result.ok()).isFalse();
            assertThat(result.message()).isEqualTo("frame 2: 100 of 1600 pixels differ by more than 2 (largest difference 204); see "
                    + dir.resolve("diff-2.png"));
            assertThat(check.failures()).isEqualTo(1);
            try (Image diff = Image.makeDeferredFromEncodedBytes(Files.readAllBytes(dir.resolve("diff-2.png")))) {
                int[] pixels = GoldenFrames.pixels(diff);
                assertThat(pixels[15 * 40 + 15]).isEqualTo(0xFFFF0000);
                assertThat(pixels[0]).isNotEqualTo(0xFFFF0000);
            }
        }
    }

    @Test
    void aMissingGoldenFrameIsAFailureThatSaysHowToRecordIt() throws Exception {
        GoldenFrames check = new GoldenFrames(dir.resolve("none"), 2, false);
        try (Image frame = frame(0xFF3366FF)) {
            GoldenFrames.Result result = check.check(7, frame, png(frame), dir);

            assertThat(result.ok()).isFalse();
            assertThat(result.message()).isEqualTo("no golden frame " + dir.resolve("none/frame-7.png")
                    + " (run with --update-golden to record it)");
        }
    }

    /** A 40x40 white frame with a 10x10 square of {@code color} at (10, 10). */
    private static Image frame(int color) {
        try (Surface surface = Surface.makeRasterN32Premul(40, 40); Paint paint = new Paint().setColor(color)) {
            surface.getCanvas().clear(0xFFFFFFFF);
            surface.getCanvas().drawRect(Rect.makeXYWH(10, 10, 10, 10), paint);
            return surface.makeImageSnapshot();
        }
    }

    private static byte[] png(Image image) {
        try (Data data = EncoderPNG.encode(image)) {
            return data.getBytes();
        }
    }
}
