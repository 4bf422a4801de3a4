package dev.hotframe.viewer.frame;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotframe.viewer.headless.FrameRecorder;
import dev.hotframe.viewer.headless.RasterTarget;
import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.RedefineAgent;
import dev.hotframe.viewer.render.Fonts;
import dev.hotframe.viewer.testkit.Pixels;
import dev.hotframe.viewer.testkit.TestApp;
import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.viewer.testkit.UpdateLog;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.UpdateMeta;
import dev.hotframe.wire.ViewerMessage;
import io.github.humbleui.skija.Image;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FrameLoopTest {

    private static final String APP = "demo.Clear";
    private static final String CLEAR = "f.canvas().clear(color());";
    /** The app's stack frames only; the second is javac's bridge method render(Object, Frame), on the class's line. */
    private static final String RENDER_ERROR = "java.lang.IllegalStateException in render: render exploded\n"
            + "  at demo.Clear.render(Clear.java:24)\n"
            + "  at demo.Clear.render(Clear.java:6)";

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    /** Line 24 of the app holds the render body and line 6 its class; the stack trace names them. */
    private static List<ClassFile> app(String color, String renderBody) {
        return TestApp.named(APP).state("public int frames;").members("int color() {\n    return " + color + ";\n}")
                .update("s.frames++;").render(renderBody).compile();
    }

    private static UpdateMeta meta(long seq, List<String> files) {
        return new UpdateMeta(seq, files, 1_000 + seq, Map.of());
    }

    @Test
    void appliesUpdatesBetweenFramesAndRecordsEachWithItsFrame() throws Exception {
        List<ViewerMessage> acks = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> crashed = new AtomicReference<>();
        FrameRecorder recorder = new FrameRecorder(dir);
        RasterTarget target = new RasterTarget(320, 240);
        Inbox inbox = new Inbox();
        FrameLoop loop = new FrameLoop(target, new AppHost(RedefineAgent.instrumentation()), new Fonts(), recorder, 60,
                inbox, acks::add, () -> { });
        Thread thread = new Thread(loop::run, "frame-loop-test");
        thread.setUncaughtExceptionHandler((t, e) -> crashed.set(e));
        thread.start();
        try {
            inbox.offer(new ServerMessage.Snapshot(meta(0, List.of()), APP, app("0xFF2040C0", CLEAR), Map.of(), List.of()));
            assertRecord(awaitRecord(0), """
                    {"seq": 0, "tier": "snapshot", "files": [], "detectedAtMs": 1000, "ok": true, "error": null,
                     "reason": "started Clear", "serverPhasesMs": {}, "generation": 1}""", "load", "init");
            assertThat(centre("frame-0.png")).isEqualTo("FF2040C0");

            List<String> files = List.of("src/demo/Clear.java");
            inbox.offer(new ServerMessage.CodeUpdate(meta(1, files), Tier.REDEFINE, "method body changed",
                    TestCompiler.only(app("0xFFC04020", CLEAR), APP), List.of()));
            assertRecord(awaitRecord(1), """
                    {"seq": 1, "tier": "redefine", "files": ["src/demo/Clear.java"], "detectedAtMs": 1001, "ok": true,
                     "error": null, "reason": "method body changed", "serverPhasesMs": {}, "generation": 1}""", "redefine");
            assertThat(centre("frame-1.png")).isEqualTo("FFC04020");
            assertThat(pixel("frame-1.png", 300, 22)).as("no reload toast (it carries timings) in a recorded frame")
                    .isEqualTo("FFC04020");

            inbox.offer(new ServerMessage.CodeUpdate(meta(2, files), Tier.REDEFINE, "method body changed",
                    app("0xFFC04020", "throw new IllegalStateException(\"render exploded\");"), List.of()));
            assertRecord(awaitRecord(2), """
                    {"seq": 2, "tier": "redefine", "files": ["src/demo/Clear.java"], "detectedAtMs": 1002, "ok": false,
                     "error": %s, "reason": "method body changed", "serverPhasesMs": {}, "generation": 1}"""
                    .formatted(json.writeValueAsString(RENDER_ERROR)), "redefine");
            assertThat(centre("frame-2.png")).as("the last good frame stays").isEqualTo("FFC04020");

            inbox.offer(new ServerMessage.UpdateFailed(meta(3, files),
                    List.of(new Diagnostic("src/demo/Clear.java", 12, 5, "';' expected"))));
            assertRecord(awaitRecord(3), """
                    {"seq": 3, "tier": "error", "files": ["src/demo/Clear.java"], "detectedAtMs": 1003, "ok": false,
                     "error": "src/demo/Clear.java:12:5: ';' expected", "reason": "the change did not build",
                     "serverPhasesMs": {}, "generation": 1}""");
            assertThat(centre("frame-3.png")).isEqualTo("FFC04020");
            assertThat(loop.lastAppliedSeq()).isEqualTo(3);
        } finally {
            inbox.stop();
            thread.join(10_000);
            recorder.close();
        }
        assertThat(thread.isAlive()).as("the loop thread ended").isFalse();
        assertThat(crashed.get()).isNull();
        target.close();
        assertThat(acks).extracting(a -> (ViewerMessage.Ack) a)
                .extracting(a -> a.seq() + " " + a.tier() + " " + a.ok())
                .isEqualTo(List.of("0 snapshot true", "1 redefine true", "2 redefine false", "3 error false"));
    }

    @Test
    void anUpdateThatCannotBeAppliedIsShownInTheOverlayUntilOneIs() throws Exception {
        try (RunningLoop loop = RunningLoop.standard(dir, 0)) {
            loop.inbox.offer(new ServerMessage.Snapshot(meta(0, List.of()), APP, app("0xFF2040C0", CLEAR), Map.of(), List.of()));
            awaitRecord(0);
            assertThat(pixel("frame-0.png", 20, 222)).isEqualTo("FF2040C0");

            List<String> files = List.of("src/demo/Clear.java");
            loop.inbox.offer(new ServerMessage.CodeUpdate(meta(1, files), Tier.RELOAD, "classes removed", List.of(), List.of(APP)));
            JsonNode failed = awaitRecord(1);

            assertThat(failed.get("ok").asBoolean()).isFalse();
            assertThat(failed.get("error").asText()).isEqualTo("the app class demo.Clear is not in the new code: was it"
                    + " deleted or renamed? The viewer keeps running the last good code. Restore the class, or name the new"
                    + " one as \"app\" in hotframe.json and restart the dev server");
            assertThat(centre("frame-1.png")).as("the last good frame stays").isEqualTo("FF2040C0");
            assertThat(pixel("frame-1.png", 20, 222)).as("the overlay's panel says why").isNotEqualTo("FF2040C0");

            loop.inbox.offer(new ServerMessage.CodeUpdate(meta(2, files), Tier.RELOAD, "class added", app("0xFF2040C0", CLEAR),
                    List.of()));
            assertThat(awaitRecord(2).get("ok").asBoolean()).isTrue();
            assertThat(pixel("frame-2.png", 20, 222)).as("gone once an update applies").isEqualTo("FF2040C0");
        }
    }

    @Test
    void anAppWhoseConstructorThrowsAtTheFirstStartShowsWhyInTheFrame() throws Exception {
        try (RunningLoop loop = RunningLoop.standard(dir, 0)) {
            List<ClassFile> throwing = TestApp.named(APP).state("public int frames;")
                    .constructor("throw new IllegalStateException(\"no shader\");").render(CLEAR.replace("color()", "0xFF2040C0"))
                    .compile();
            loop.inbox.offer(new ServerMessage.Snapshot(meta(0, List.of()), APP, throwing, Map.of(), List.of()));
            JsonNode record = awaitRecord(0);

            assertThat(record.get("ok").asBoolean()).isFalse();
            assertThat(record.get("error").asText()).contains("IllegalStateException").contains("no shader");
            assertThat(pixel("frame-0.png", 20, 222)).as("the panel says why").isNotEqualTo("FF101418");
        }
    }

    @Test
    void withALivePeriodTheStateAndLatestFrameFollowAnAnimationBetweenUpdates() throws Exception {
        try (RunningLoop loop = RunningLoop.standard(dir, 50)) {
            loop.inbox.offer(new ServerMessage.Snapshot(meta(0, List.of()), APP, app("0xFF2040C0", CLEAR), Map.of(), List.of()));
            awaitRecord(0);
            int first = frames();

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> frames() > first + 3);

            assertThat(Files.readAllLines(dir.resolve("updates.jsonl"))).as("still one line per update").hasSize(1);
            assertThat(dir.resolve("frame-1.png")).doesNotExist();
        }
    }

    /** The frame count in state.json, as the app's update counts it; -1 while the file is being replaced. */
    private int frames() {
        try {
            return json.readTree(Files.readString(dir.resolve("state.json"))).get("frames").asInt();
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * Asserts the record equals {@code expected} plus the clock-dependent fields, which must be in
     * order, and that the viewer timed exactly the steps {@code phases}.
     */
    private void assertRecord(JsonNode record, String expected, String... phases) throws Exception {
        ObjectNode whole = (ObjectNode) json.readTree(expected);
        for (String clock : List.of("appliedAtMs", "renderedAtMs", "applyMs")) {
            whole.set(clock, record.get(clock));
        }
        if (phases.length > 0) {
            whole.set("viewerPhasesMs", record.get("viewerPhasesMs"));
            assertThat(record.get("viewerPhasesMs").fieldNames()).toIterable().containsExactly(phases);
        }
        assertThat(record).isEqualTo(whole);
        assertThat(record.get("renderedAtMs").asLong()).isGreaterThanOrEqualTo(record.get("appliedAtMs").asLong());
        assertThat(record.get("applyMs").asLong()).isNotNegative();
    }

    /** Waits for the line of update {@code seq}; the recorder writes it after that update's PNG. */
    private JsonNode awaitRecord(long seq) {
        return new UpdateLog(dir).await(seq);
    }

    /** The centre pixel of a recorded PNG; the overlay's toast is at the top and its panel below y = 130. */
    private String centre(String file) throws Exception {
        return pixel(file, 160, 120);
    }

    private String pixel(String file, int x, int y) throws Exception {
        try (Image image = Image.makeDeferredFromEncodedBytes(Files.readAllBytes(dir.resolve(file)))) {
            assertThat(image.getWidth()).isEqualTo(320);
            assertThat(image.getHeight()).isEqualTo(240);
            return Pixels.at(image, x, y);
        }
    }
}
