package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.testing.HeadlessOutput;
import dev.hotframe.testing.process.HotframeProcess;
import dev.hotframe.testing.project.SampleApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code devserver serve --tls} with its self-signed certificate, and viewers given the URL,
 * the token and the printed fingerprint, as on another machine: the pinned one follows edits,
 * one with a wrong pin refuses to connect and says why.
 */
@Timeout(180)
class TlsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] CARD = {240, 200};

    @TempDir
    Path temp;

    private HotframeProcess server;
    private HotframeProcess viewer;

    @AfterEach
    void stop() throws Exception {
        HotframeProcess.closeAndPrint(viewer, server);
    }

    @Test
    void pinnedViewerFollowsEditsOverWssAndAWrongPinIsRefused() throws Exception {
        SampleApp project = Checkout.sampleApp(temp.resolve("sample-app"));
        Path home = temp.resolve("home");
        server = HotframeProcess.java("devserver", Checkout.DEVSERVER_JAR, Map.of("HOTFRAME_HOME", home.toString()),
                "serve", project.dir().toString(), "--tls");
        assertThat(server.awaitReady(Duration.ofSeconds(90))).contains("ready: wss://");
        assertThat(server.alive()).as(server.output()).isTrue();
        JsonNode record = JSON.readTree(home.resolve("server.json").toFile());
        String url = record.get("url").asText();
        String pin = record.get("fingerprint").asText();
        // The banner's lines after the ready line may not have been read from the process yet.
        await("the banner's pin line").atMost(Duration.ofSeconds(10))
                .until(() -> server.lineContaining("pin:     " + pin) != null || !server.alive());
        assertThat(server.lineContaining("pin:     " + pin)).as(server.output()).isNotNull();

        HeadlessOutput frames = new HeadlessOutput(temp.resolve("frames"));
        // An empty HOTFRAME_HOME: this viewer knows only what it was told, like one on another host.
        Map<String, String> elsewhere = Map.of("HOTFRAME_HOME", temp.resolve("viewer-home").toString());
        viewer = HotframeProcess.java("viewer", Checkout.VIEWER_JAR, elsewhere, "connect", url,
                "--token", record.get("token").asText(), "--pin", pin.toLowerCase(java.util.Locale.ROOT).replace(":", ""),
                "--headless", "--size", "800x600", "--frames", frames.dir().toString());
        assertThat(frames.awaitUpdate(0, Duration.ofSeconds(60), () -> !viewer.alive()).get("ok").asBoolean()).isTrue();

        project.edit("scenes/dashboard.json", "\"fill\": \"#3366FF\"", "\"fill\": \"#FF3366\"");

        JsonNode update = frames.awaitUpdate(1, Duration.ofSeconds(60), () -> !viewer.alive() || !server.alive());
        assertThat(update.get("tier").asText()).isEqualTo("scene");
        assertThat(frames.pixel(1, CARD[0], CARD[1])).isEqualTo(0xFFFF3366);

        String wrongPin = "00:" + pin.substring(3);
        HotframeProcess impostor = HotframeProcess.java("wrong-pin-viewer", Checkout.VIEWER_JAR, elsewhere, "connect", url,
                "--token", record.get("token").asText(), "--pin", wrongPin, "--headless", "--frames",
                temp.resolve("impostor").toString());
        try {
            await("the wrong-pin viewer exits").atMost(Duration.ofSeconds(60)).until(() -> !impostor.alive());
            // Its last lines may still be on their way through the output reader after it exited.
            await("the wrong-pin viewer says why").atMost(Duration.ofSeconds(10))
                    .until(() -> impostor.lineContaining("not the pinned one") != null);
        } finally {
            impostor.close();
        }
    }
}
