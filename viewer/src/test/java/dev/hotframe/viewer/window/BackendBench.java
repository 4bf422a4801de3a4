package dev.hotframe.viewer.window;

import dev.hotframe.viewer.backend.BackendKind;
import dev.hotframe.viewer.render.Fonts;
import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Font;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.types.Rect;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Frame time and time to first frame per backend, offscreen and (with $DISPLAY) in a window.
 * Prints a table; never asserts timings. The workload is the one in notes/rendering.md: 1280x800,
 * 2,000 rects and 200 text runs. Offscreen GPU frames read one pixel back so that the GPU work
 * is really done when the clock stops; window frames end with the swap or present.
 * Run: {@code xvfb-run -a mvn -o -Pbench -pl viewer -am test -Dtest=BackendBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class BackendBench {

    private static final int W = 1280;
    private static final int H = 800;
    private static final int WARMUP = 20;
    private static final int FRAMES = 100;

    @Test
    void frameTimeAndTimeToFirstFramePerBackend() {
        Fonts fonts = new Fonts();
        boolean display = System.getenv("DISPLAY") != null;
        for (boolean ui : new boolean[] {false, true}) {
            System.out.println(ui ? "UI workload: 300 anti-aliased rounded rects, 100 stroked circles, 200 text runs, a gradient"
                    : "Rects workload: 2,000 rects and 200 text runs");
            System.out.println("| backend | where | device | first frame (ms) | frame p50 (ms) | frame p95 (ms) |");
            System.out.println("|---|---|---|---|---|---|");
            for (BackendKind kind : new BackendKind[] {BackendKind.RASTER, BackendKind.GL, BackendKind.VULKAN}) {
                measure(kind, true, fonts, ui);
                if (display) {
                    measure(kind, false, fonts, ui);
                }
            }
        }
    }

    private static void measure(BackendKind kind, boolean offscreen, Fonts fonts, boolean ui) {
        long start = System.nanoTime();
        try (WindowTarget target = new TargetChooser("bench", W, H, s -> { }).openExactly(kind, offscreen);
             Bitmap pixel = new Bitmap()) {
            pixel.allocPixels(ImageInfo.makeN32Premul(1, 1));
            double first = frame(target, fonts, 0, offscreen, pixel, ui);
            double firstMs = (System.nanoTime() - start) / 1e6;
            double[] times = new double[FRAMES];
            for (int i = 0; i < WARMUP + FRAMES; i++) {
                double ms = frame(target, fonts, i, offscreen, pixel, ui);
                if (i >= WARMUP) {
                    times[i - WARMUP] = ms;
                }
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.0f | %.1f | %.1f |%n", kind.label(), offscreen ? "offscreen" : "window",
                    target.backend().device(), firstMs, times[FRAMES / 2], times[FRAMES * 95 / 100]);
        } catch (RuntimeException | LinkageError e) {
            System.out.printf("| %s | %s | fails: %s | | | |%n", kind.label(), offscreen ? "offscreen" : "window", e.getMessage());
        }
    }

    private static double frame(WindowTarget target, Fonts fonts, int n, boolean offscreen, Bitmap pixel, boolean ui) {
        long t0 = System.nanoTime();
        Canvas canvas = target.surface().getCanvas();
        canvas.clear(0xFF101418);
        if (ui) {
            ui(canvas, fonts, n);
        } else {
            rects(canvas, fonts, n);
        }
        target.present();
        if (offscreen) {
            target.surface().readPixels(pixel, 0, 0);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void ui(Canvas canvas, Fonts fonts, int n) {
        try (Paint fill = new Paint(); Paint stroke = new Paint().setMode(io.github.humbleui.skija.PaintMode.STROKE).setStrokeWidth(2);
             io.github.humbleui.skija.Shader gradient = io.github.humbleui.skija.Shader.makeLinearGradient(0, 0, W, 0,
                     new int[] {0xFF203040, 0xFFA0C0E0});
             Paint shaded = new Paint().setShader(gradient)) {
            canvas.drawRect(Rect.makeXYWH(0, H - 100, W, 100), shaded);
            for (int i = 0; i < 300; i++) {
                fill.setColor(0xFF000000 | (int) ((i * 2654435761L) & 0xFFFFFF));
                canvas.drawRRect(io.github.humbleui.types.RRect.makeXYWH((i * 41 + n) % (W - 120), (i * 67) % (H - 80), 110, 70, 10), fill);
            }
            stroke.setColor(0xFFFFD54F);
            for (int i = 0; i < 100; i++) {
                canvas.drawCircle((i * 113 + n) % W, (i * 71) % H, 8 + i % 30, stroke);
            }
            fill.setColor(0xFFFFFFFF);
            Font font = fonts.font(15, false);
            for (int i = 0; i < 200; i++) {
                canvas.drawString("Particles " + (i + n) + " \u00b7 uptime", (i * 97) % (W - 200), 20 + (i * 31) % (H - 30), font, fill);
            }
        }
    }

    private static void rects(Canvas canvas, Fonts fonts, int n) {
        try (Paint paint = new Paint()) {
            for (int i = 0; i < 2000; i++) {
                paint.setColor(0xFF000000 | (int) ((i * 2654435761L + n) & 0xFFFFFF));
                canvas.drawRect(Rect.makeXYWH((i * 37 + n) % (W - 20), (i * 53) % (H - 20), 18, 14), paint);
            }
            paint.setColor(0xFFFFFFFF);
            Font font = fonts.font(14, false);
            for (int i = 0; i < 200; i++) {
                canvas.drawString("frame " + n + " text run " + i, (i * 97) % (W - 200), 20 + (i * 31) % (H - 30), font, paint);
            }
        }
    }
}
