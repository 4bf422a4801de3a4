package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.testing.HeadlessOutput;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The walking skeleton end to end: the real dev server and a real headless viewer, as processes,
 * on a copy of the sample app. Each step edits a file and checks the viewer's headless output
 * (update log, frame pixels, state). The steps share the two processes and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class HotReloadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Inside the first card's background, away from its text and rounded corners. */
    private static final int[] CARD = {240, 200};
    /** Inside the chart panel's top-left corner, outside where particles and the line can go. */
    private static final int[] PANEL = {40, 262};

    @RegisterExtension
    static final LiveHotframe LIVE = LiveHotframe.onSampleApp();

    @Test
    @Order(1)
    void sceneColourEditIsPatchedWithoutCompiling() throws Exception {
        int compilesBefore = status().get("compilations").asInt();
        assertThat(HeadlessOutput.pixel(LIVE.frames().dir().resolve("latest.png"), CARD[0], CARD[1])).isEqualTo(0xFF3366FF);

        long seq = LIVE.edit("scenes/dashboard.json", "\"fill\": \"#3366FF\"", "\"fill\": \"#FF3366\"");

        JsonNode update = LIVE.awaitUpdate(seq);
        assertThat(update.get("tier").asText()).isEqualTo("scene");
        assertThat(update.get("ok").asBoolean()).isTrue();
        assertThat(update.get("files").toString()).isEqualTo("[\"scenes/dashboard.json\"]");
        assertThat(LIVE.frames().pixel(seq, CARD[0], CARD[1])).isEqualTo(0xFFFF3366);
        assertThat(status().get("compilations").asInt()).as("javac runs for a scene edit").isEqualTo(compilesBefore);
    }

    @Test
    @Order(2)
    void methodBodyEditIsRedefinedAndKeepsState() throws Exception {
        long framesBefore = LIVE.frames().state().get("frames").asLong();

        long seq = LIVE.edit("src/main/java/dev/hotframe/sample/DashboardApp.java", "return 0xFF1B2838;", "return 0xFF5A1B38;");

        JsonNode update = LIVE.awaitUpdate(seq);
        assertThat(update.get("tier").asText()).isEqualTo("redefine");
        assertThat(update.get("ok").asBoolean()).as(update.toString()).isTrue();
        assertThat(update.get("generation").asInt()).isEqualTo(1);
        assertThat(LIVE.frames().pixel(seq, PANEL[0], PANEL[1])).isEqualTo(0xFF5A1B38);
        assertThat(LIVE.frames().state().get("frames").asLong()).as("the frame counter was not reset").isGreaterThan(framesBefore);
    }

    @Test
    @Order(3)
    void addedFieldReloadsAndMigratesState() throws Exception {
        JsonNode before = LIVE.frames().state();

        long seq = LIVE.edit("src/main/java/dev/hotframe/sample/DashboardState.java", "    public int clicks;\n",
                "    public int clicks;\n    public int bonus = 42;\n");

        JsonNode update = LIVE.awaitUpdate(seq);
        assertThat(update.get("tier").asText()).isEqualTo("reload");
        assertThat(update.get("ok").asBoolean()).as(update.toString()).isTrue();
        assertThat(update.get("reason").asText()).isEqualTo("DashboardState gained field 'bonus'");
        assertThat(update.get("generation").asInt()).isEqualTo(2);
        JsonNode after = LIVE.frames().state();
        assertThat(after.get("bonus").asInt()).isEqualTo(42);
        assertThat(after.get("frames").asLong()).isGreaterThan(before.get("frames").asLong());
        assertThat(after.get("uptime").asDouble()).isGreaterThan(before.get("uptime").asDouble());
        assertThat(after.get("particles").size()).isEqualTo(before.get("particles").size());
        assertThat(LIVE.frames().pixel(seq, PANEL[0], PANEL[1])).as("the redefined colour survives the reload")
                .isEqualTo(0xFF5A1B38);
    }

    @Test
    @Order(4)
    void compileErrorIsReportedAndTheViewerKeepsRunning() throws Exception {
        long framesBefore = LIVE.frames().state().get("frames").asLong();
        long seq = LIVE.edit("src/main/java/dev/hotframe/sample/DashboardApp.java", "return 0xFF5A1B38;", "return 0xFF5A1B38");

        JsonNode update = LIVE.awaitUpdate(seq);
        assertThat(update.get("tier").asText()).isEqualTo("error");
        assertThat(update.get("ok").asBoolean()).isFalse();
        int line = LIVE.project().lineOf("src/main/java/dev/hotframe/sample/DashboardApp.java", "return 0xFF5A1B38");
        assertThat(update.get("error").asText())
                .startsWith("src/main/java/dev/hotframe/sample/DashboardApp.java:" + line + ":")
                .endsWith("';' expected");
        await("the dev server prints the error").atMost(Duration.ofSeconds(10))
                .until(() -> LIVE.server().lineContaining("DashboardApp.java:" + line + ":") != null);
        assertThat(LIVE.frames().state().get("frames").asLong()).as("the app keeps running").isGreaterThan(framesBefore);
        assertThat(LIVE.viewer().alive()).isTrue();
        assertThat(LIVE.frames().pixel(seq, PANEL[0], PANEL[1])).as("the last good code still draws")
                .isEqualTo(0xFF5A1B38);
    }

    @Test
    @Order(5)
    void fixingTheErrorRecovers() throws Exception {
        long seq = LIVE.edit("src/main/java/dev/hotframe/sample/DashboardApp.java", "return 0xFF5A1B38\n", "return 0xFF2E7D32;\n");

        JsonNode update = LIVE.awaitUpdate(seq);
        assertThat(update.get("ok").asBoolean()).as(update.toString()).isTrue();
        assertThat(update.get("tier").asText()).isEqualTo("redefine");
        assertThat(update.get("error").isNull()).isTrue();
        assertThat(LIVE.frames().pixel(seq, PANEL[0], PANEL[1])).isEqualTo(0xFF2E7D32);
        assertThat(LIVE.frames().state().get("bonus").asInt()).isEqualTo(42);
    }

    private JsonNode status() throws Exception {
        JsonNode record = JSON.readTree(LIVE.home().resolve("server.json").toFile());
        String url = record.get("url").asText().replace("ws://", "http://").replaceFirst("/hotframe$", "/status");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + record.get("token").asText()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

}
