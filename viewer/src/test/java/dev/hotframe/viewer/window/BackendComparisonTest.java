package dev.hotframe.viewer.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.backend.BackendKind;
import dev.hotframe.viewer.render.Fonts;
import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.PaintMode;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.types.RRect;
import io.github.humbleui.types.Rect;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same frame drawn offscreen by Vulkan (lavapipe here), OpenGL (llvmpipe through GLFW's null
 * platform and EGL) and raster. GPU rasterization differs from Skia's CPU path along
 * anti-aliased edges and glyphs, so the stated tolerance is: flat areas agree within 2 levels,
 * at most 1% of pixels differ by more than 32 in a channel, and at most 40% by more than 2.
 * The frames are written to target/backends/ to look at. Needs Mesa's lavapipe and EGL
 * (bin/setup installs them).
 */
@Timeout(120)
class BackendComparisonTest {

    private static final int W = 400;
    private static final int H = 300;
    private static final Path OUT = Path.of("target", "backends");

    @Test
    void vulkanDrawsTheSameFrameAsRasterWithinTheStatedTolerance() throws Exception {
        compare(BackendKind.VULKAN);
    }

    @Test
    void openGlDrawsTheSameFrameAsRasterWithinTheStatedTolerance() throws Exception {
        compare(BackendKind.GL);
    }

    private void compare(BackendKind gpu) throws Exception {
        int[] raster = draw(BackendKind.RASTER);
        int[] other = draw(gpu);
        long overTwo = 0;
        long overThirtyTwo = 0;
        for (int i = 0; i < raster.length; i++) {
            int d = difference(raster[i], other[i]);
            overTwo += d > 2 ? 1 : 0;
            overThirtyTwo += d > 32 ? 1 : 0;
        }
        String stats = gpu.label() + ": " + overTwo + " pixels differ by more than 2, " + overThirtyTwo + " by more than 32, of "
                + raster.length;
        for (int[] flat : new int[][] {{5, 5}, {60, 60}, {200, 60}, {330, 60}, {100, 250}}) {
            int at = flat[1] * W + flat[0];
            assertThat(difference(raster[at], other[at])).as(stats + "; flat area at " + flat[0] + "," + flat[1]).isLessThanOrEqualTo(2);
        }
        assertThat(overThirtyTwo).as(stats).isLessThanOrEqualTo(raster.length / 100);
        assertThat(overTwo).as(stats).isLessThanOrEqualTo(raster.length * 40L / 100);
        // The frame is not empty: the three cards really were drawn.
        assertThat(other[60 * W + 60]).isEqualTo(0xFF3366FF);
    }

    private static int[] draw(BackendKind kind) throws Exception {
        TargetChooser chooser = new TargetChooser("test", W, H, s -> { });
        try (WindowTarget target = chooser.openExactly(kind, true)) {
            Canvas canvas = target.surface().getCanvas();
            scene(canvas, new Fonts());
            target.present();
            try (Image image = target.snapshot(); Bitmap bitmap = Bitmap.makeFromImage(image); Data png = EncoderPNG.encode(image)) {
                Files.createDirectories(OUT);
                Files.write(OUT.resolve(kind.option() + ".png"), png.getBytes());
                int[] pixels = new int[W * H];
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        pixels[y * W + x] = bitmap.getColor(x, y);
                    }
                }
                return pixels;
            }
        }
    }

    /** Flat colours, anti-aliased curves, strokes, a gradient and text: what apps and the overlay draw. */
    static void scene(Canvas canvas, Fonts fonts) {
        canvas.clear(0xFF101418);
        int[] colors = {0xFF3366FF, 0xFF22AA88, 0xFFFF8833};
        for (int i = 0; i < 3; i++) {
            try (Paint fill = new Paint().setColor(colors[i])) {
                canvas.drawRRect(RRect.makeXYWH(20 + i * 130, 20, 110, 90, 12), fill);
            }
        }
        try (Paint text = new Paint().setColor(0xFFFFFFFF)) {
            canvas.drawString("Hotframe 42", 30, 150, fonts.font(28, true), text);
            canvas.drawString("the quick brown fox", 30, 180, fonts.font(14, false), text);
        }
        try (Paint stroke = new Paint().setColor(0xFFFFD54F).setMode(PaintMode.STROKE).setStrokeWidth(3)) {
            canvas.drawCircle(320, 170, 40, stroke);
            canvas.drawLine(20, 200, 380, 215, stroke);
        }
        try (Shader gradient = Shader.makeLinearGradient(20, 0, 380, 0, new int[] {0xFF203040, 0xFFA0C0E0});
             Paint paint = new Paint().setShader(gradient)) {
            canvas.drawRect(Rect.makeXYWH(20, 230, 360, 50), paint);
        }
    }

    private static int difference(int a, int b) {
        int worst = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            worst = Math.max(worst, Math.abs(((a >>> shift) & 0xFF) - ((b >>> shift) & 0xFF)));
        }
        return worst;
    }
}
