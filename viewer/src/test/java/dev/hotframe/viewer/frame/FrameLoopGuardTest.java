package dev.hotframe.viewer.frame;

import static dev.hotframe.viewer.testkit.UpdateLog.json;
import static dev.hotframe.viewer.testkit.UpdateLog.timeless;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.viewer.scene.SceneRenderer;
import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.viewer.testkit.UpdateLog;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.UpdateMeta;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** App code that throws, overflows its stack, loops or blocks, running in the real frame loop under a 300 ms budget. */
@Timeout(90)
class FrameLoopGuardTest {

    private static final String APP = "demo.Spin";
    private static final String BLUE = "0xFF2040C0";
    private static final String RED = "0xFFC04020";
    private static final String FILE = "src/demo/Spin.java";
    /** update's body is on line 8, render's on line 9, deep() on line 10, Lazy on 11; javac's bridge methods are on line 4. */
    private static final String SOURCE = """
            package demo;
            import dev.hotframe.app.Frame;
            import dev.hotframe.app.HotframeApp;
            public final class Spin implements HotframeApp<Spin.State> {
                public static final class State { public int frames; public %s status = %s; }
                public State initialState() { return new State(); }

                public void update(State s, double dt) { s.frames++; %s }
                public void render(State s, Frame f) { f.canvas().clear(%s); %s }
                static int deep(int n) { return deep(n + 1) + 1; }
                static final class Lazy { static final int V = Integer.parseInt(System.getProperty("no.such.property", "x")); }
            }
            """;

    @TempDir
    Path dir;
    private RunningLoop loop;
    private UpdateLog log;
    private Inbox inbox;

    /** Left of the toast, above the tallest overlay panel (at most half the frame high). */
    private String pixel(String file) throws Exception {
        return log.pixel(file, 20, 100);
    }

    private static List<ClassFile> app(String update, String color, String render) {
        return TestCompiler.compile(SOURCE.formatted("String", "\"ok\"", update, color, render));
    }

    private static UpdateMeta meta(long seq) {
        return new UpdateMeta(seq, seq == 0 ? List.of() : List.of(FILE), 1_000 + seq, Map.of());
    }

    private void redefine(long seq, List<ClassFile> classes) {
        inbox.offer(new ServerMessage.CodeUpdate(meta(seq), Tier.REDEFINE, "method body changed", classes, List.of()));
    }

    private static String record(long seq, String tier, boolean ok, String error, String reason) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        return """
                {"seq": %d, "tier": "%s", "files": %s, "detectedAtMs": %d, "ok": %s, "error": %s, "reason": "%s",
                 "serverPhasesMs": {}, "generation": 1}""".formatted(seq, tier, seq == 0 ? "[]" : "[\"" + FILE + "\"]", 1_000 + seq,
                ok, mapper.writeValueAsString(error), reason);
    }

    @BeforeEach
    void startLoop() throws Exception {
        loop = new RunningLoop(dir, 640, 480, Duration.ofMillis(300), SceneRenderer.DRAW_LIMIT);
        log = loop.log;
        inbox = loop.inbox;
        inbox.offer(new ServerMessage.Snapshot(meta(0), APP, app("", BLUE, ""), Map.of(), List.of()));
        assertThat(log.await(0).get("ok").asBoolean()).isTrue();
        assertThat(pixel("frame-0.png")).isEqualTo("FF2040C0");
    }

    @AfterEach
    void stopLoop() throws Exception {
        loop.close();
    }

    @Test
    void endlessLoopInRenderIsStoppedAndPausesTheAppUntilTheFixArrives() throws Exception {
        redefine(1, app("", BLUE, "while (f.width() > 0) { s.frames++; }"));
        JsonNode stopped = log.await(1);
        inbox.offer(new ServerMessage.UpdateFailed(meta(2), List.of(new Diagnostic(FILE, 9, 3, "';' expected"))));
        JsonNode failed = log.await(2);
        redefine(3, app("", RED, ""));
        JsonNode fixed = log.await(3);

        assertThat(timeless(stopped)).isEqualTo(json(record(1, "redefine", false, """
                render did not finish within 300 ms: loop in demo.Spin.render (Spin.java:9)
                  at demo.Spin.render(Spin.java:9)
                  at demo.Spin.render(Spin.java:4)
                The app is paused until its code changes.""", "method body changed")));
        assertThat(pixel("frame-1.png")).as("the last good frame").isEqualTo("FF2040C0");
        assertThat(failed.get("tier").asText()).as("updates still apply while the app is paused").isEqualTo("error");
        assertThat(timeless(fixed)).isEqualTo(json(record(3, "redefine", true, null, "method body changed")));
        assertThat(pixel("frame-3.png")).isEqualTo("FFC04020");
    }

    @Test
    void endlessLoopInUpdatePutsTheStateBackAsItWasBeforeTheStoppedCodeRan() throws Exception {
        redefine(1, app("s.status = \"broken\"; while (dt >= 0) { s.frames++; }", BLUE, ""));
        JsonNode stopped = log.await(1);

        assertThat(timeless(stopped)).isEqualTo(json(record(1, "redefine", false, """
                update did not finish within 300 ms: loop in demo.Spin.update (Spin.java:8)
                  at demo.Spin.update(Spin.java:8)
                  at demo.Spin.update(Spin.java:4)
                The app is paused until its code changes; the state was put back as it was before the stopped code ran.""",
                "method body changed")));
        assertThat(log.state().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void exceptionInEveryUpdateKeepsTheLastGoodFrameAndTheFixRecovers() throws Exception {
        redefine(1, app("if (s.frames > 0) { throw new IllegalStateException(\"update exploded\"); }", RED, ""));
        JsonNode broken = log.await(1);
        redefine(2, app("", RED, ""));
        JsonNode fixed = log.await(2);

        assertThat(timeless(broken)).isEqualTo(json(record(1, "redefine", false, """
                java.lang.IllegalStateException in update: update exploded
                  at demo.Spin.update(Spin.java:8)
                  at demo.Spin.update(Spin.java:4)""", "method body changed")));
        assertThat(pixel("frame-1.png")).isEqualTo("FF2040C0");
        assertThat(timeless(fixed)).isEqualTo(json(record(2, "redefine", true, null, "method body changed")));
        assertThat(pixel("frame-2.png")).isEqualTo("FFC04020");
    }

    @Test
    void stackOverflowInRenderIsShownLikeAnExceptionAndTheFixRecovers() throws Exception {
        redefine(1, app("", RED, "deep(0);"));
        JsonNode overflowed = log.await(1);
        redefine(2, app("", RED, ""));
        JsonNode fixed = log.await(2);

        assertThat(timeless(overflowed)).isEqualTo(json(record(1, "redefine", false, "java.lang.StackOverflowError in render"
                + "\n  at demo.Spin.deep(Spin.java:10)".repeat(5), "method body changed")));
        assertThat(pixel("frame-1.png")).isEqualTo("FF2040C0");
        assertThat(fixed.get("ok").asBoolean()).isTrue();
    }

    @Test
    void staticInitializerThatFailsInAFrameMakesTheNextCodeUpdateAReload() throws Exception {
        redefine(1, app("", RED, "s.frames += Lazy.V;"));
        JsonNode broken = log.await(1);
        redefine(2, app("", RED, ""));
        JsonNode reloaded = log.await(2);

        assertThat(timeless(broken)).isEqualTo(json(record(1, "redefine", false, """
                java.lang.NumberFormatException in render: For input string: "x"
                  at demo.Spin$Lazy.<clinit>(Spin.java:11)
                  at demo.Spin.render(Spin.java:9)
                  at demo.Spin.render(Spin.java:4)""", "method body changed")));
        assertThat(timeless(reloaded)).isEqualTo(json("""
                {"seq": 2, "tier": "reload", "files": ["src/demo/Spin.java"], "detectedAtMs": 1002, "ok": true, "error": null,
                 "reason": "method body changed (the running classes have a failed static initializer)", "serverPhasesMs": {},
                 "generation": 2}"""));
        assertThat(pixel("frame-2.png")).isEqualTo("FFC04020");
    }

    @Test
    void renderBlockedInTheJdkIsInterruptedAfterTheGracePeriod() throws Exception {
        redefine(1, app("", BLUE, "try { Thread.sleep(600_000); } catch (InterruptedException e) { "
                + "throw new IllegalStateException(\"woken\", e); }"));
        JsonNode stopped = log.await(1);

        assertThat(timeless(stopped)).isEqualTo(json(record(1, "redefine", false, """
                render did not finish within 300 ms and was interrupted: java.lang.IllegalStateException in render: woken
                  at demo.Spin.render(Spin.java:9)
                  at demo.Spin.render(Spin.java:4)
                The app is paused until its code changes.""", "method body changed")));
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void warningsOfAReloadReachTheUpdateRecord() throws Exception {
        inbox.offer(new ServerMessage.CodeUpdate(meta(1), Tier.RELOAD, "Spin$State changed field 'status'",
                TestCompiler.compile(SOURCE.formatted("int", "7", "", BLUE, "")), List.of()));
        JsonNode reloaded = log.await(1);

        assertThat(timeless(reloaded)).isEqualTo(json("""
                {"seq": 1, "tier": "reload", "files": ["src/demo/Spin.java"], "detectedAtMs": 1001, "ok": true, "error": null,
                 "reason": "Spin$State changed field 'status'", "serverPhasesMs": {}, "generation": 2,
                 "warnings": ["state field 'status' was reset: its old value does not fit the new type (Cannot deserialize value of type `int` from String \\"ok\\": not a valid `int` value)"]}"""));
        assertThat(reloaded.get("viewerPhasesMs").fieldNames()).toIterable().containsExactly("save", "load", "migrate");
        assertThat(log.state().get("status").asInt()).isEqualTo(7);
    }

    @Test
    void systemExitInRenderIsShownLikeAnExceptionAndTheViewerKeepsRunning() throws Exception {
        redefine(1, app("", BLUE, "System.exit(3);"));
        JsonNode refused = log.await(1);
        redefine(2, app("", RED, ""));
        JsonNode fixed = log.await(2);

        assertThat(timeless(refused)).isEqualTo(json(record(1, "redefine", false, """
                System.exit(3) refused in render: it would end the viewer, which hosts the app and keeps running
                  at demo.Spin.render(Spin.java:9)
                  at demo.Spin.render(Spin.java:4)""", "method body changed")));
        assertThat(pixel("frame-1.png")).as("the last good frame").isEqualTo("FF2040C0");
        assertThat(timeless(fixed)).isEqualTo(json(record(2, "redefine", true, null, "method body changed")));
        assertThat(pixel("frame-2.png")).isEqualTo("FFC04020");
    }

    @Test
    void runtimeHaltInUpdateIsShownAndTheStateIsKept() throws Exception {
        redefine(1, app("s.status = \"halting\"; Runtime.getRuntime().halt(1);", BLUE, ""));
        JsonNode refused = log.await(1);

        assertThat(timeless(refused)).isEqualTo(json(record(1, "redefine", false, """
                Runtime.halt(1) refused in update: it would end the viewer, which hosts the app and keeps running
                  at demo.Spin.update(Spin.java:8)
                  at demo.Spin.update(Spin.java:4)""", "method body changed")));
        assertThat(log.state().get("status").asText()).as("what update did before the call stays").isEqualTo("halting");
    }

    @Test
    void aThreadTheAppLeftRunningIsNamedInTheRecordOfTheReloadThatReplacedItsCode() throws Exception {
        String spinner = "if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals(\"spinner\"))) {"
                + " Thread t = new Thread(() -> { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }, \"spinner\");"
                + " t.setDaemon(true); t.start(); }";
        inbox.offer(new ServerMessage.CodeUpdate(meta(1), Tier.RELOAD, "starts a thread", app("", BLUE, spinner), List.of()));
        log.await(1);
        inbox.offer(new ServerMessage.CodeUpdate(meta(2), Tier.RELOAD, "no thread", app("", BLUE, ""), List.of()));
        JsonNode reloaded = log.await(2);
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("spinner")).forEach(Thread::interrupt);

        assertThat(timeless(reloaded)).isEqualTo(json("""
                {"seq": 2, "tier": "reload", "files": ["src/demo/Spin.java"], "detectedAtMs": 1002, "ok": true, "error": null,
                 "reason": "no thread", "serverPhasesMs": {}, "generation": 3,
                 "warnings": ["thread 'spinner' started at demo.Spin.render(Spin.java:9) is still running after the reload; it keeps generation 2's classes alive. Stop it in onUnload."]}"""));
    }

    @Test
    void anExitTheAppCatchesIsShownAsAWarning() throws Exception {
        redefine(1, app("", RED, "try { System.exit(5); } catch (SecurityException e) { s.status = \"caught\"; }"));
        JsonNode caught = log.await(1);

        assertThat(timeless(caught)).isEqualTo(json("""
                {"seq": 1, "tier": "redefine", "files": ["src/demo/Spin.java"], "detectedAtMs": 1001, "ok": true, "error": null,
                 "reason": "method body changed", "serverPhasesMs": {}, "generation": 1,
                 "warnings": ["System.exit(5) refused in render: it would end the viewer, which hosts the app and keeps running (at demo.Spin.render(Spin.java:9))"]}"""));
        assertThat(pixel("frame-1.png")).isEqualTo("FFC04020");
    }

    @Test
    void anInterruptTheAppLeavesOnTheFrameThreadDoesNotStopTheViewer() throws Exception {
        redefine(1, app("", BLUE, "Thread.currentThread().interrupt();"));
        JsonNode interrupted = log.await(1);
        redefine(2, app("", RED, ""));
        JsonNode next = log.await(2);

        assertThat(interrupted.get("ok").asBoolean()).isTrue();
        assertThat(timeless(next)).isEqualTo(json(record(2, "redefine", true, null, "method body changed")));
        assertThat(pixel("frame-2.png")).isEqualTo("FFC04020");
    }
}
