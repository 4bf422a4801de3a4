package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's real window: GLFW with an OpenGL context on Mesa under Xvfb. Frames are read
 * back from the GPU framebuffer, so this checks what the window shows, not a raster copy.
 */
@Timeout(120)
class WindowIT {

    /** Inside the second card's background. */
    private static final int[] CARD = {493, 200};

    @Test
    void windowedViewerDrawsWithOpenGlAndAppliesASceneEdit(@TempDir Path temp) throws Exception {
        Path xvfbRun = Path.of("/usr/bin/xvfb-run");
        assertThat(Files.isExecutable(xvfbRun)).as("xvfb-run is needed for the window test; run bin/setup").isTrue();
        SampleProject project = SampleProject.copyTo(temp.resolve("sample-app"));
        FrameOutput frames = new FrameOutput(temp.resolve("frames"));
        Map<String, String> env = Map.of("HOTFRAME_HOME", temp.resolve("home").toString());
        try (RunningProcess server = RunningProcess.java("devserver", SampleProject.DEVSERVER_JAR, env,
                "serve", project.dir().toString())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> server.lineContaining("ready: ws://") != null || !server.alive());
            try (RunningProcess viewer = RunningProcess.command("viewer", env, xvfbRun.toString(), "-a", "-s",
                    "-screen 0 1024x768x24", javaBin(), "-jar", SampleProject.VIEWER_JAR.toString(), "connect",
                    "--size", "800x600", "--frames", frames.dir().toString())) {
                JsonNode snapshot = frames.awaitUpdate(0, () -> !viewer.alive() || !server.alive());
                assertThat(viewer.lineContaining("Rendering with OpenGL window 800x600")).as(viewer.output()).isNotNull();
                assertThat(snapshot.get("ok").asBoolean()).as(snapshot.toString()).isTrue();
                assertThat(frames.pixel(0, CARD)).isEqualTo(0xFF22AA88);

                project.edit("scenes/dashboard.json", "\"fill\": \"#22AA88\"", "\"fill\": \"#AA2288\"");

                JsonNode update = frames.awaitUpdate(1, () -> !viewer.alive() || !server.alive());
                assertThat(update.get("tier").asText()).isEqualTo("scene");
                assertThat(frames.pixel(1, CARD)).isEqualTo(0xFFAA2288);
            }
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
