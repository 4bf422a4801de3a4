package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotframe.testing.HeadlessOutput;
import dev.hotframe.testing.process.HotframeProcess;
import dev.hotframe.testing.project.SampleApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ctrl+C (SIGINT) and SIGTERM stop the dev server and the viewer cleanly, with exit code 0 as
 * README promises, however the test suite itself was started.
 */
@Timeout(180)
class StopIT {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalStopsTheViewerAndThenTheServerWithExitCodeZero(String signal) throws Exception {
        SampleApp project = Checkout.sampleApp(temp.resolve("sample-app"));
        HeadlessOutput frames = new HeadlessOutput(temp.resolve("frames"));
        Map<String, String> env = Map.of("HOTFRAME_HOME", temp.resolve("home").toString());
        try (HotframeProcess server = HotframeProcess.java("devserver", Checkout.DEVSERVER_JAR, env, "serve",
                project.dir().toString());
             HotframeProcess viewer = HotframeProcess.java("viewer", Checkout.VIEWER_JAR, env, "connect", "--headless",
                     "--size", "320x240", "--frames", frames.dir().toString())) {
            frames.awaitUpdate(0, Duration.ofSeconds(60), () -> !viewer.alive() || !server.alive());

            viewer.signal(signal);
            await("the viewer exits after SIG" + signal).atMost(Duration.ofSeconds(20)).until(() -> !viewer.alive());
            server.signal(signal);
            await("the dev server exits after SIG" + signal).atMost(Duration.ofSeconds(20)).until(() -> !server.alive());

            assertThat(viewer.exitCode()).as(viewer.output()).isZero();
            assertThat(server.exitCode()).as(server.output()).isZero();
            assertThat(temp.resolve("home/server.json")).as("the server removed its record").doesNotExist();
        }
    }
}
