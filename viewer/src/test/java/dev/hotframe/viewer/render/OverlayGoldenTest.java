package dev.hotframe.viewer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.headless.GoldenFrames;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.Tier;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The overlay, HUD and toast on raster, against golden frames in src/test/resources/golden/overlay
 * (tolerance 2). Raster output is byte-identical across JDKs; the goldens were drawn with
 * fonts-dejavu-core installed (bin/setup). Re-record with -Dhotframe.updateGolden=true and look
 * at the PNGs before committing them.
 */
@Timeout(60)
class OverlayGoldenTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "overlay");
    private static final Path OUT = Path.of("target", "overlay-frames");
    private static final long NOW = 1_000_000;

    private final Fonts fonts = new Fonts();

    @Test
    void compileErrorPanelShowsFileLineColumnMessageAndTheSourceLineWithACaret() throws Exception {
        Overlay overlay = new Overlay(fonts, true);
        overlay.diagnostics("Compile error (running the last good code)", List.of(
                new Diagnostic("src/main/java/demo/Hud.java", 12, 17, "error", "';' expected", "        int x = 4"),
                new Diagnostic("src/main/java/demo/Hud.java", 20, 9, "error", "cannot find symbol: variable speed", "    y = speed * 2;")));
        matches(1, canvas -> overlay.draw(canvas, 480, 320, NOW));
    }

    @Test
    void toastIsOpaqueForTwoSecondsThenFadesOut() throws Exception {
        Overlay overlay = new Overlay(fonts, true);
        overlay.toast("redefine Hud \u00b7 41 ms", NOW);
        int full = drawAndRead(canvas -> overlay.draw(canvas, 480, 320, NOW + 1_000));
        int fading = drawAndRead(canvas -> overlay.draw(canvas, 480, 320, NOW + 2_250));
        int gone = drawAndRead(canvas -> overlay.draw(canvas, 480, 320, NOW + 2_600));
        assertThat(full).isNotEqualTo(BACKGROUND);
        assertThat(fading).isNotIn(BACKGROUND, full);
        assertThat(gone).isEqualTo(BACKGROUND);
        matches(2, canvas -> overlay.draw(canvas, 480, 320, NOW + 1_000));
    }

    @Test
    void hudShowsFrameRateBackendConnectionAndTheLastReloadsPhases() throws Exception {
        Hud hud = new Hud(fonts, true);
        hud.backend("Vulkan on llvmpipe (LLVM 15.0.6, 256 bits), window 800x600");
        hud.connection("connected");
        for (int i = 0; i <= 10; i++) {
            hud.frame(i * 16_666_667L, i * 16_666_667L + 4_000_000L);
        }
        hud.reloaded(Tier.REDEFINE, true, Map.of("send", 1L, "compile", 30L, "detect", 5L), 9);
        assertThat(hud.title("DashboardApp")).isEqualTo("DashboardApp \u2014 connected \u2014 last: redefine 45 ms \u2014 Hotframe");
        matches(3, canvas -> hud.draw(canvas, 480));
        Hud hidden = new Hud(fonts, false);
        assertThat(drawAndRead(canvas -> hidden.draw(canvas, 480))).isEqualTo(BACKGROUND);
    }

    private static final int BACKGROUND = 0xFF305070;

    private static int drawAndRead(Consumer<Canvas> draw) {
        try (Surface surface = Surface.makeRasterN32Premul(480, 320)) {
            surface.getCanvas().clear(BACKGROUND);
            draw.accept(surface.getCanvas());
            try (Image image = surface.makeImageSnapshot(); var bitmap = io.github.humbleui.skija.Bitmap.makeFromImage(image)) {
                return bitmap.getColor(440, 22);
            }
        }
    }

    private static void matches(long frame, Consumer<Canvas> draw) throws Exception {
        try (Surface surface = Surface.makeRasterN32Premul(480, 320)) {
            Canvas canvas = surface.getCanvas();
            canvas.clear(BACKGROUND);
            try (Paint card = new Paint().setColor(0xFF22AA88)) {
                canvas.drawRect(Rect.makeXYWH(40, 60, 200, 120), card);
            }
            draw.accept(canvas);
            try (Image image = surface.makeImageSnapshot(); Data png = EncoderPNG.encode(image)) {
                Files.createDirectories(OUT);
                Files.write(OUT.resolve("frame-" + frame + ".png"), png.getBytes());
                GoldenFrames golden = new GoldenFrames(GOLDEN.toAbsolutePath(), 2, Boolean.getBoolean("hotframe.updateGolden"));
                GoldenFrames.Result result = golden.check(frame, image, png.getBytes(), OUT);
                assertThat(result.ok()).as(result.message()).isTrue();
            }
        }
    }
}
