package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.testing.HeadlessOutput;
import dev.hotframe.testing.process.HotframeProcess;
import dev.hotframe.testing.project.SampleApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev server is killed mid-session and a new one started: the viewer keeps running and
 * drawing meanwhile, finds the new server on its own, resynchronizes from its snapshot with its
 * state kept, and follows edits again.
 */
@Timeout(180)
class ServerRestartIT {

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
    void viewerReconnectsToARestartedServerAndKeepsItsState() throws Exception {
        SampleApp project = Checkout.sampleApp(temp.resolve("sample-app"));
        Map<String, String> env = Map.of("HOTFRAME_HOME", temp.resolve("home").toString());
        HeadlessOutput frames = new HeadlessOutput(temp.resolve("frames"));
        server = startServer(project, env);
        viewer = HotframeProcess.java("viewer", Checkout.VIEWER_JAR, env, "connect", "--headless", "--size", "800x600",
                "--frames", frames.dir().toString());
        frames.awaitUpdate(0, Duration.ofSeconds(60), () -> !viewer.alive());
        project.edit("src/main/java/dev/hotframe/sample/DashboardState.java", "    public int clicks;\n",
                "    public int clicks;\n    public int bonus = 7;\n");
        frames.awaitUpdate(1, Duration.ofSeconds(60), () -> !viewer.alive());
        long framesBefore = frames.state().get("frames").asLong();

        server.close();
        await("the viewer notices").atMost(Duration.ofSeconds(30)).until(() -> viewer.lineContaining("reconnecting") != null);
        assertThat(viewer.alive()).isTrue();
        server = startServer(project, env);

        JsonNode resync = last(await("the resync snapshot").atMost(Duration.ofSeconds(60))
                .until(frames::updates, list -> list.size() == 3 && last(list).get("tier").asText().equals("snapshot")));
        assertThat(resync.get("ok").asBoolean()).as(resync.toString()).isTrue();
        assertThat(resync.get("reason").asText()).isEqualTo("the code is unchanged");
        JsonNode state = frames.state();
        assertThat(state.get("bonus").asInt()).isEqualTo(7);
        assertThat(state.get("frames").asLong()).as("the app kept its state").isGreaterThan(framesBefore);

        project.edit("scenes/dashboard.json", "\"fill\": \"#3366FF\"", "\"fill\": \"#FF3366\"");
        JsonNode edit = await("the edit through the new server").atMost(Duration.ofSeconds(60))
                .until(() -> last(frames.updates()), u -> u != null && u.get("tier").asText().equals("scene"));
        assertThat(edit.get("seq").asLong()).isEqualTo(1);
        assertThat(HeadlessOutput.pixel(frames.dir().resolve("latest.png"), CARD[0], CARD[1])).isEqualTo(0xFFFF3366);

        // Issue 17 item 8: the new server numbers from 0 again; its frames are frame-<seq>-2.png and each line names its run.
        List<JsonNode> lines = frames.updates();
        assertThat(lines.get(0).get("server").asText()).isEqualTo(lines.get(1).get("server").asText())
                .isNotEqualTo(lines.get(2).get("server").asText());
        assertThat(lines.stream().map(l -> l.path("frame").asText("-")).toList())
                .containsExactly("-", "-", "frame-" + resync.get("seq").asLong() + "-2.png", "frame-1-2.png");
        assertThat(frames.dir().resolve("frame-1.png")).as("the first run's frame is kept").exists();
        assertThat(HeadlessOutput.pixel(frames.dir().resolve("frame-1-2.png"), CARD[0], CARD[1])).isEqualTo(0xFFFF3366);
    }

    private static HotframeProcess startServer(SampleApp project, Map<String, String> env) throws Exception {
        HotframeProcess started = HotframeProcess.java("devserver", Checkout.DEVSERVER_JAR, env, "serve",
                project.dir().toString());
        started.awaitReady(Duration.ofSeconds(90));
        assertThat(started.alive()).as(started.output()).isTrue();
        return started;
    }

    private static JsonNode last(List<JsonNode> updates) {
        return updates.isEmpty() ? null : updates.get(updates.size() - 1);
    }
}
