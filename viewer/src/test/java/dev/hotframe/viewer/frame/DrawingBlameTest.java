package dev.hotframe.viewer.frame;

import static dev.hotframe.viewer.testkit.UpdateLog.json;
import static dev.hotframe.viewer.testkit.UpdateLog.timeless;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.scene.SceneParser;
import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.viewer.testkit.UpdateLog;
import dev.hotframe.wire.AssetFile;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.UpdateMeta;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time the viewer spends drawing a scene for the app's render is the viewer's: a slow scene is
 * not blamed on the app, a node that draws too long is held until its asset changes, and a
 * custom painter, which is app code, is blamed when it loops. Real frame loop, real Skia shaders
 * on a raster surface, real compiled app.
 */
@Timeout(120)
class DrawingBlameTest {

    private static final String APP = "demo.Show";
    private static final String FILE = "src/demo/Show.java";
    private static final String SHADER = "assets/slow.sksl";
    /** render's body is on line 9; after() on line 10. */
    private static final String SOURCE = """
            package demo;
            import dev.hotframe.app.Frame;
            import dev.hotframe.app.HotframeApp;
            import java.util.Map;
            public final class Show implements HotframeApp<Show.State> {
                public static final class State { public int frames; }
                public State initialState() { return new State(); }
                public void update(State s, double dt) { s.frames++; }
                public void render(State s, Frame f) { f.canvas().clear(0xFF2040C0); %s }
                static void after(State s) { s.frames += 0; }
            }
            """;
    /** Red, after a loop that costs the CPU raster backend hundreds of milliseconds over the frame. */
    private static final String SLOW = """
            half4 main(float2 p) {
                float v = 0;
                for (int i = 0; i < 1000; i++) { v += sin(p.x * 0.01 + p.y * 0.02 + float(i)); }
                return half4(1, 0, v > 1e9 ? 1 : 0, 1);
            }
            """;
    private static final String GREEN = "half4 main(float2 p) { return half4(0, 1, 0, 1); }";
    private static final String SCENES = """
            {"id": "bg", "type": "shader", "src": "assets/slow.sksl", "w": "100%", "h": "100%"}""";
    private static final String CUSTOM = """
            {"id": "c", "type": "custom", "paint": "spin", "w": "100%", "h": "100%"}""";

    @TempDir
    Path dir;
    private RunningLoop loop;
    private UpdateLog log;

    private static List<ClassFile> app(String render) {
        return TestCompiler.compile(SOURCE.formatted(render));
    }

    private static UpdateMeta meta(long seq, String file) {
        return new UpdateMeta(seq, seq == 0 ? List.of() : List.of(file), 1_000 + seq, Map.of());
    }

    private static AssetFile shader(String source) {
        return new AssetFile(SHADER, source.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts the loop with the app drawing {@code render}, the scenes "slow" and "custom", and the slow shader. */
    private void start(Duration frameBudget, Duration drawLimit, String render) throws Exception {
        loop = new RunningLoop(dir, 320, 240, frameBudget, drawLimit);
        log = loop.log;
        Map<String, SceneNode> scenes = Map.of("slow", SceneParser.parse("scenes/slow.json", SCENES),
                "custom", SceneParser.parse("scenes/custom.json", CUSTOM));
        loop.inbox.offer(new ServerMessage.Snapshot(meta(0, ""), APP, app(render), scenes, List.of(), List.of(shader(SLOW)),
                List.of()));
    }

    private void redefine(long seq, String render) {
        code(seq, Tier.REDEFINE, "method body changed", render);
    }

    private void code(long seq, Tier tier, String reason, String render) {
        loop.inbox.offer(new ServerMessage.CodeUpdate(meta(seq, FILE), tier, reason, app(render), List.of()));
    }

    private void asset(long seq, String source) {
        loop.inbox.offer(new ServerMessage.AssetUpdate(meta(seq, SHADER), List.of(shader(source)), List.of()));
    }

    private static String record(long seq, String tier, String file, boolean ok, String error, String reason) throws Exception {
        return record(seq, tier, file, ok, error, reason, 1);
    }

    private static String record(long seq, String tier, String file, boolean ok, String error, String reason, int generation)
            throws Exception {
        return """
                {"seq": %d, "tier": "%s", "files": ["%s"], "detectedAtMs": %d, "ok": %s, "error": %s, "reason": "%s",
                 "serverPhasesMs": {}, "generation": %d}""".formatted(seq, tier, file, 1_000 + seq, ok,
                new ObjectMapper().writeValueAsString(error), reason, generation);
    }

    @AfterEach
    void stopLoop() throws Exception {
        loop.close();
    }

    @Test
    void sceneThatTakesLongerToDrawThanTheBudgetIsNotBlamedOnTheApp() throws Exception {
        start(Duration.ofMillis(100), Duration.ofSeconds(60), "");
        assertThat(log.await(0).get("ok").asBoolean()).isTrue();
        redefine(1, "f.scene(\"slow\"); after(s);");
        JsonNode drawn = log.await(1);

        assertThat(timeless(drawn)).isEqualTo(json(record(1, "redefine", FILE, true, null, "method body changed")));
        assertThat(log.pixel(1, 20, 100)).as("the slow shader").isEqualTo("FFFF0000");
    }

    @Test
    void nodeThatTakesTooLongToDrawIsHeldWithoutPausingTheAppUntilItsAssetChanges() throws Exception {
        start(Duration.ofSeconds(2), Duration.ofMillis(50), "f.scene(\"slow\"); after(s);");
        JsonNode held = log.await(0);
        asset(1, GREEN);
        JsonNode fixed = log.await(1);

        assertThat(held.get("ok").asBoolean()).as("the app is not paused").isTrue();
        assertThat(held.get("warnings")).hasSize(1);
        assertThat(held.get("warnings").get(0).asText()).matches("drawing shader node 'bg' \\(assets/slow.sksl\\) took \\d+ ms, "
                + "over the viewer's limit of 50 ms; it is drawn as a placeholder until a scene or an asset changes");
        assertThat(timeless(fixed)).isEqualTo(json(record(1, "asset", SHADER, true, null, "1 asset: assets/slow.sksl (shader)")));
        assertThat(log.pixel(1, 20, 100)).as("the new shader, drawn again").isEqualTo("FF00FF00");
    }

    @Test
    void customPainterThatLoopsIsBlamedOnThePainterAndOnlyNewCodeResumesTheApp() throws Exception {
        start(Duration.ofMillis(300), Duration.ofSeconds(60), "");
        assertThat(log.await(0).get("ok").asBoolean()).isTrue();
        code(1, Tier.RELOAD, "Show gained a lambda",
                "f.scene(\"custom\", Map.of(\"spin\", (c, w, h) -> { while (w > 0) { c.save(); c.restore(); } }));");
        JsonNode stopped = log.await(1);
        asset(2, GREEN);
        JsonNode stillPaused = log.await(2);
        code(3, Tier.RELOAD, "Show lost a lambda", "");
        JsonNode fixed = log.await(3);

        String pause = """
                render did not finish within 300 ms: loop in demo.Show.lambda$render$0 (Show.java:9)
                  at demo.Show.lambda$render$0(Show.java:9)
                  at demo.Show.render(Show.java:9)
                  at demo.Show.render(Show.java:5)
                The app is paused until its code changes.""";
        assertThat(timeless(stopped)).isEqualTo(json(record(1, "reload", FILE, false, pause, "Show gained a lambda", 2)));
        assertThat(timeless(stillPaused)).isEqualTo(json(record(2, "asset", SHADER, false, pause,
                "1 asset: assets/slow.sksl (shader)", 2)));
        assertThat(timeless(fixed)).isEqualTo(json(record(3, "reload", FILE, true, null, "Show lost a lambda", 3)));
        assertThat(log.pixel(3, 20, 100)).isEqualTo("FF2040C0");
    }
}
