package dev.hotframe.viewer.scene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.app.Painter;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.scene.SceneParser;
import dev.hotframe.viewer.testkit.Pixels;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.RRect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sample app's real scene file, drawn with its real assets at the end-to-end tests' window
 * size: it parses, draws without warnings, and keeps the pixels those tests look at (the first
 * two cards' fills and the Java-painted chart panel) where they expect them.
 */
@Timeout(60)
class SampleDashboardSceneTest {

    private static final Path SAMPLE = Path.of("../sample-app");

    @Test
    void sampleDashboardDrawsEveryFeatureWhereTheEndToEndTestsLook() throws Exception {
        SceneNode scene = SceneParser.parse("scenes/dashboard.json", Files.readString(SAMPLE.resolve("scenes/dashboard.json")));
        String state = """
                {"uptime": 12.25, "frames": 735, "clicks": 3, "samples": [],
                 "particles": [{"x": 1}, {"x": 2}, {"x": 3}],
                 "log": ["12.0 s: 8 particles from click", "9.5 s: 8 particles from space"]}
                """;
        Painter chart = (canvas, w, h) -> {
            try (Paint panel = new Paint().setColor(0xFF1B2838)) {
                canvas.drawRRect(RRect.makeXYWH(0, 0, w, h, 16), panel);
            }
        };
        SceneRenderer renderer = new SceneRenderer(new FileAssets(SAMPLE));
        try (Surface surface = Surface.makeRasterN32Premul(800, 600)) {
            surface.getCanvas().clear(0xFF0F1720);
            renderer.draw("dashboard", surface.getCanvas(), scene, new ObjectMapper().readTree(state), Map.of("chart", chart),
                    2.0, 800, 600);

            assertThat(renderer.drainWarnings()).isEmpty();
            try (Image image = surface.makeImageSnapshot()) {
                assertThat(Pixels.at(image, 240, 200)).as("first card (HotReloadIT, TlsIT, ServerRestartIT)").isEqualTo("FF3366FF");
                assertThat(Pixels.at(image, 493, 200)).as("second card (WindowIT)").isEqualTo("FF22AA88");
                assertThat(Pixels.at(image, 40, 262)).as("the chart panel (HotReloadIT)").isEqualTo("FF1B2838");
            }
            Golden.check("sample-dashboard", surface);
        }
    }
}
