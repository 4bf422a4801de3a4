package dev.hotframe.viewer.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hotframe.viewer.frame.FrameLoop;
import dev.hotframe.viewer.frame.Inbox;
import dev.hotframe.viewer.headless.FrameRecorder;
import dev.hotframe.viewer.headless.RasterTarget;
import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.RedefineAgent;
import dev.hotframe.viewer.render.Fonts;
import dev.hotframe.viewer.testkit.Pixels;
import dev.hotframe.viewer.testkit.TestApp;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.UpdateMeta;
import dev.hotframe.wire.ViewerMessage;
import io.github.humbleui.skija.Image;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's requests against a real frame loop, real compiled app classes and a raster surface. */
@Timeout(60)
class InspectorTest {

    private static final String FIELDS = "public double speed = 1.5;\npublic String name = \"ada\";\npublic int[] lanes = {1, 2};";

    /** The app: its state is {@code FIELDS} and {@code extra}; it clears to red once the speed is over 2, to blue before. */
    private static List<ClassFile> tint(String extra) {
        return tint(extra, "0xFF2040C0");
    }

    /** The app, clearing to {@code ground} (a field initializer, so its constructor sets it) while the speed is up to 2. */
    private static List<ClassFile> tint(String extra, String ground) {
        return TestApp.named("demo.Tint").members("private int ground = " + ground + ";").state(FIELDS + "\n" + extra).update("")
                .render("f.canvas().clear(s.speed > 2 ? 0xFFC04020 : ground);").compile();
    }

    private final ObjectMapper json = new ObjectMapper();
    private final List<ViewerMessage> sent = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    private FrameLoop loop;
    private final Inbox inbox = new Inbox();
    private Thread thread;

    @BeforeEach
    void start() throws Exception {
        loop = new FrameLoop(new RasterTarget(320, 240), new AppHost(RedefineAgent.instrumentation()), new Fonts(),
                new FrameRecorder(dir), 60, inbox, sent::add, () -> { });
        thread = new Thread(loop::run, "inspector-test");
        thread.start();
        inbox.offer(new ServerMessage.Snapshot(new UpdateMeta(0, List.of(), 0, Map.of()), "demo.Tint",
                tint(""), Map.of(), List.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.stream().anyMatch(m -> m instanceof ViewerMessage.Ack));
    }

    @AfterEach
    void stop() throws Exception {
        inbox.stop();
        thread.join(5_000);
    }

    @Test
    void reportsTheStateAsATree() throws Exception {
        inbox.request(new ServerMessage.InspectState("i1"));

        ViewerMessage.StateReport report = reply("i1", ViewerMessage.StateReport.class);
        assertThat(report).isEqualTo(new ViewerMessage.StateReport("i1", 1,
                json.readTree("{\"speed\": 1.5, \"name\": \"ada\", \"lanes\": [1, 2]}"), null));
    }

    @Test
    void anEditChangesTheStateTheFrameAndStateJson() throws Exception {
        inbox.request(new ServerMessage.EditState("e1", "/speed", DoubleNode.valueOf(2.5)));

        ViewerMessage.StateReport report = reply("e1", ViewerMessage.StateReport.class);
        assertThat(report.error()).isNull();
        assertThat(report.state()).isEqualTo(json.readTree("{\"speed\": 2.5, \"name\": \"ada\", \"lanes\": [1, 2]}"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(json.readTree(dir.resolve("state.json").toFile()).path("speed").asDouble()).isEqualTo(2.5));
        inbox.request(new ServerMessage.CaptureFrame("c1", 160));
        ViewerMessage.FramePreview preview = reply("c1", ViewerMessage.FramePreview.class);
        assertThat(preview.width()).isEqualTo(160);
        assertThat(preview.height()).isEqualTo(120);
        try (Image image = Image.makeDeferredFromEncodedBytes(Base64.getDecoder().decode(preview.png()))) {
            assertThat(Pixels.at(image, 80, 60)).as("drawn with the edited speed").isEqualTo("FFC04020");
        }
    }

    @Test
    void aValueThatDoesNotFitIsRefusedAndNothingChanges() throws Exception {
        inbox.request(new ServerMessage.EditState("e2", "/speed", TextNode.valueOf("fast")));

        ViewerMessage.StateReport report = reply("e2", ViewerMessage.StateReport.class);
        assertThat(report.error()).startsWith("cannot set /speed to \"fast\": state field 'speed': the value does not fit its type (Cannot deserialize")
                .endsWith("; the state is unchanged");
        assertThat(report.state()).isEqualTo(json.readTree("{\"speed\": 1.5, \"name\": \"ada\", \"lanes\": [1, 2]}"));
    }

    @Test
    void aPathTheStateDoesNotHaveIsRefused() throws Exception {
        inbox.request(new ServerMessage.EditState("e3", "/lanes/5", DoubleNode.valueOf(1)));
        inbox.request(new ServerMessage.EditState("e4", "/speedy", DoubleNode.valueOf(1)));

        assertThat(reply("e3", ViewerMessage.StateReport.class).error())
                .isEqualTo("cannot set /lanes/5 to 1.0: the state has no value at /lanes/5; the state is unchanged");
        assertThat(reply("e4", ViewerMessage.StateReport.class).error())
                .isEqualTo("cannot set /speedy to 1.0: the state has no value at /speedy; the state is unchanged");
    }

    @Test
    void undoGoesBackOneGenerationAndSaysSoWhenThereIsNone() throws Exception {
        inbox.request(new ServerMessage.Undo("u1"));
        assertThat(reply("u1", ViewerMessage.Undone.class)).isEqualTo(new ViewerMessage.Undone("u1", false, "no earlier generation is kept", 1));

        inbox.offer(new ServerMessage.CodeUpdate(new UpdateMeta(1, List.of("Tint.java"), 0, Map.of()), Tier.RELOAD,
                "State gained field 'bonus'", tint("public int bonus = 42;"), List.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.stream()
                .anyMatch(m -> m instanceof ViewerMessage.Ack ack && ack.seq() == 1));
        inbox.request(new ServerMessage.Undo("u2"));

        ViewerMessage.Undone undone = reply("u2", ViewerMessage.Undone.class);
        assertThat(undone.ok()).isTrue();
        assertThat(undone.reason()).isEqualTo("back to the code and state of generation 1");
        inbox.request(new ServerMessage.InspectState("i2"));
        assertThat(reply("i2", ViewerMessage.StateReport.class).state().has("bonus")).isFalse();
    }

    @Test
    void restartAppRunsTheConstructorAgainSoAChangeARedefineCouldNotShowAppearsWithTheStateKept() throws Exception {
        inbox.request(new ServerMessage.EditState("e5", "/name", TextNode.valueOf("bob")));
        assertThat(reply("e5", ViewerMessage.StateReport.class).error()).isNull();
        inbox.offer(new ServerMessage.CodeUpdate(new UpdateMeta(1, List.of("Tint.java"), 0, Map.of()), Tier.REDEFINE,
                "method bodies changed in Tint", tint("", "0xFF20C040"), List.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.stream()
                .anyMatch(m -> m instanceof ViewerMessage.Ack ack && ack.seq() == 1 && ack.ok()));
        assertThat(centre("c2")).as("the app object was made by the old constructor").isEqualTo("FF2040C0");

        inbox.request(new ServerMessage.RestartApp("r1"));

        assertThat(reply("r1", ViewerMessage.Restarted.class))
                .isEqualTo(new ViewerMessage.Restarted("r1", true, "restart app (F5 or the dashboard)", 2));
        assertThat(centre("c3")).as("made again by the new constructor").isEqualTo("FF20C040");
        inbox.request(new ServerMessage.InspectState("i3"));
        assertThat(reply("i3", ViewerMessage.StateReport.class).state())
                .isEqualTo(json.readTree("{\"speed\": 1.5, \"name\": \"bob\", \"lanes\": [1, 2]}"));
    }

    /** The centre pixel of a frame captured after the request {@code id}. */
    private String centre(String id) {
        inbox.request(new ServerMessage.CaptureFrame(id, 160));
        try (Image image = Image.makeDeferredFromEncodedBytes(Base64.getDecoder().decode(reply(id, ViewerMessage.FramePreview.class).png()))) {
            return Pixels.at(image, 80, 60);
        }
    }

    private <T extends ViewerMessage.Reply> T reply(String id, Class<T> type) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> sent.stream()
                .filter(type::isInstance).map(type::cast).filter(r -> id.equals(r.id())).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }
}
