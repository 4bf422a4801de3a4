package dev.hotframe.viewer.scene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.scene.SceneParser;
import dev.hotframe.viewer.testkit.Pixels;
import io.github.humbleui.skija.Surface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A static shader is drawn from a cached image, which a changed uniform or size refreshes; one using time redraws every frame. */
@Timeout(30)
class ShaderFillTest {

    @TempDir
    Path project;

    private String draw(SceneRenderer renderer, String scene, String state, double time) throws Exception {
        try (Surface surface = Surface.makeRasterN32Premul(40, 40)) {
            renderer.draw("s", surface.getCanvas(), SceneParser.parse("scenes/s.json", scene), new ObjectMapper().readTree(state),
                    Map.of(), time, 40, 40);
            assertThat(renderer.drainWarnings()).isEmpty();
            return Pixels.at(surface, 20, 20);
        }
    }

    @Test
    void boundUniformAndTimeReachThePixelsThroughTheCache() throws Exception {
        Files.createDirectories(project.resolve("assets"));
        Files.writeString(project.resolve("assets/level.sksl"), "uniform float level; half4 main(float2 p) { return half4(level, 0, 0, 1); }");
        Files.writeString(project.resolve("assets/clock.sksl"), "uniform float time; half4 main(float2 p) { return half4(0, fract(time), 0, 1); }");
        SceneRenderer renderer = new SceneRenderer(new FileAssets(project));
        String level = "{ \"id\": \"s\", \"type\": \"shader\", \"src\": \"assets/level.sksl\", \"w\": 40, \"h\": 40, \"uniforms\": { \"level\": \"${v}\" } }";
        String clock = "{ \"id\": \"s\", \"type\": \"shader\", \"src\": \"assets/clock.sksl\", \"w\": 40, \"h\": 40 }";

        assertThat(draw(renderer, level, "{\"v\": 1}", 0)).isEqualTo("FFFF0000");
        assertThat(draw(renderer, level, "{\"v\": 1}", 0)).isEqualTo("FFFF0000");
        assertThat(draw(renderer, level, "{\"v\": 0}", 0)).isEqualTo("FF000000");
        assertThat(draw(renderer, clock, "{}", 0.5)).isEqualTo("FF008000");
        assertThat(draw(renderer, clock, "{}", 0.0)).isEqualTo("FF000000");
    }
}
