package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.testing.HeadlessOutput;
import dev.hotframe.testing.process.HotframeProcess;
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
        try (HotframeProcess init = HotframeProcess.java("init", Checkout.DEVSERVER_JAR, Map.of(),
                "init", "orbit-demo", "--dir", dir.toString())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !init.alive());
            assertThat(init.exitCode()).as(init.output()).isZero();
        }
        assertThat(dir.resolve("src/main/java/com/example/orbitdemo/OrbitDemoApp.java")).isRegularFile();
        assertThat(Files.readString(dir.resolve("hotframe.json"))).contains("\"app\": \"com.example.orbitdemo.OrbitDemoApp\"");
        try (HotframeProcess build = HotframeProcess.command("mvn", Map.of(), "mvn", "-B", "-q", "-f",
                dir.resolve("pom.xml").toString(), "compile")) {
            await("its README's 'mvn -q compile'").atMost(Duration.ofMinutes(3)).until(() -> !build.alive());
            assertThat(build.exitCode()).as(build.output()).isZero();
        }
        assertThat(dir.resolve("target/classes/com/example/orbitdemo/OrbitDemoApp.class")).isRegularFile();

        HeadlessOutput frames = new HeadlessOutput(temp.resolve("frames"));
        Map<String, String> env = Map.of("HOTFRAME_HOME", temp.resolve("home").toString());
        HotframeProcess server = null;
        HotframeProcess viewer = null;
        try {
            server = HotframeProcess.java("devserver", Checkout.DEVSERVER_JAR, env, "serve", dir.toString());
            HotframeProcess s = server;
            s.awaitReady(Duration.ofSeconds(120));
            assertThat(server.alive()).as(server.output()).isTrue();
            assertThat(server.lines()).as(server.output()).noneMatch(l -> l.contains("WARN"));
            viewer = HotframeProcess.java("viewer", Checkout.VIEWER_JAR, env,
                    "connect", "--headless", "--size", "640x480", "--frames", frames.dir().toString());
            HotframeProcess v = viewer;

            JsonNode first = frames.awaitUpdate(0, Duration.ofSeconds(60), () -> !v.alive() || !s.alive());
            assertThat(first.get("ok").asBoolean()).as(first.toString()).isTrue();
            assertThat(Integer.toHexString(frames.pixel(0, CARD[0], CARD[1]))).isEqualTo("ff3366ff");

            Path scene = dir.resolve("scenes/main.json");
            Files.writeString(scene, Files.readString(scene).replace("#3366FF", "#22AA88"));
            JsonNode edited = frames.awaitUpdate(1, Duration.ofSeconds(60), () -> !v.alive() || !s.alive());
            assertThat(edited.get("tier").asText()).isEqualTo("scene");
            assertThat(Integer.toHexString(frames.pixel(1, CARD[0], CARD[1]))).isEqualTo("ff22aa88");
        } finally {
            HotframeProcess.closeAndPrint(viewer, server);
        }
    }
}
