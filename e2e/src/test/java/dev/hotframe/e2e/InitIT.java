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

/** {@code devserver init} makes a project that the dev server serves and a headless viewer draws, on the first try. */
@Timeout(360)
class InitIT {

    /** Inside the scene's card, left of its text. */
    private static final int[] CARD = {38, 110};

    @Test
    void aNewProjectServesAndDrawsAndTakesAnEdit(@TempDir Path temp) throws Exception {
        Path dir = temp.resolve("orbit-demo");
        try (RunningProcess init = RunningProcess.java("init", SampleProject.DEVSERVER_JAR, Map.of(),
                "init", "orbit-demo", "--dir", dir.toString())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !init.alive());
            assertThat(init.exitCode()).as(init.output()).isZero();
        }
        assertThat(dir.resolve("src/main/java/com/example/orbitdemo/OrbitDemoApp.java")).isRegularFile();
        assertThat(Files.readString(dir.resolve("hotframe.json"))).contains("\"app\": \"com.example.orbitdemo.OrbitDemoApp\"");
        try (RunningProcess build = RunningProcess.command("mvn", Map.of(), "mvn", "-B", "-q", "-f",
                dir.resolve("pom.xml").toString(), "compile")) {
            await("its README's 'mvn -q compile'").atMost(Duration.ofMinutes(3)).until(() -> !build.alive());
            assertThat(build.exitCode()).as(build.output()).isZero();
        }
        assertThat(dir.resolve("target/classes/com/example/orbitdemo/OrbitDemoApp.class")).isRegularFile();

        FrameOutput frames = new FrameOutput(temp.resolve("frames"));
        Map<String, String> env = Map.of("HOTFRAME_HOME", temp.resolve("home").toString());
        RunningProcess server = null;
        RunningProcess viewer = null;
        try {
            server = RunningProcess.java("devserver", SampleProject.DEVSERVER_JAR, env, "serve", dir.toString());
            RunningProcess s = server;
            await().atMost(Duration.ofSeconds(120)).until(() -> s.lineContaining("ready: ws://") != null || !s.alive());
            assertThat(server.alive()).as(server.output()).isTrue();
            assertThat(server.lines()).as(server.output()).noneMatch(l -> l.contains("WARN"));
            viewer = RunningProcess.java("viewer", SampleProject.VIEWER_JAR, env,
                    "connect", "--headless", "--size", "640x480", "--frames", frames.dir().toString());
            RunningProcess v = viewer;

            JsonNode first = frames.awaitUpdate(0, () -> !v.alive() || !s.alive());
            assertThat(first.get("ok").asBoolean()).as(first.toString()).isTrue();
            assertThat(Integer.toHexString(frames.pixel(0, CARD))).isEqualTo("ff3366ff");

            Path scene = dir.resolve("scenes/main.json");
            Files.writeString(scene, Files.readString(scene).replace("#3366FF", "#22AA88"));
            JsonNode edited = frames.awaitUpdate(1, () -> !v.alive() || !s.alive());
            assertThat(edited.get("tier").asText()).isEqualTo("scene");
            assertThat(Integer.toHexString(frames.pixel(1, CARD))).isEqualTo("ff22aa88");
        } finally {
            RunningProcess.closeAndPrint(viewer, server);
        }
    }
}
