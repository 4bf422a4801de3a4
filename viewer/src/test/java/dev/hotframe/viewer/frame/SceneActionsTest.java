package dev.hotframe.viewer.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.app.InputEvent;
import dev.hotframe.scene.PatchOp;
import dev.hotframe.scene.SceneParser;
import dev.hotframe.viewer.headless.FrameRecorder;
import dev.hotframe.viewer.headless.RasterTarget;
import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.RedefineAgent;
import dev.hotframe.viewer.render.Fonts;
import dev.hotframe.viewer.testkit.Pixels;
import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.wire.SceneChange;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.UpdateMeta;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Scene events through the real frame loop: hit-testing on a HiDPI target, actions under the guard, reloads. */
@Timeout(60)
class SceneActionsTest {

    private static final String APP = "demo.Ui";
    private static final String SOURCE = """
            package demo;

            import dev.hotframe.app.Action;
            import dev.hotframe.app.Frame;
            import dev.hotframe.app.HotframeApp;

            public final class Ui implements HotframeApp<Ui.State> {
                public static final class State {
                    public int clicks;
                    public int keys;
                    public String last = "";
                    %s
                }

                public State initialState() {
                    return new State();
                }

                public void render(State s, Frame f) {
                    f.canvas().clear(0xFF000000);
                    f.scene("main");
                }

                public void onAction(State s, Action a) {
                    if (a.name().equals("boom")) {
                        throw new IllegalStateException("boom");
                    }
                    if (a.event().equals("key")) {
                        s.keys++;
                    } else {
                        s.clicks++;
                    }
                    s.last = a.name() + " " + a.node() + " " + a.event() + " " + a.arg();
                }
            }
            """;
    private static final String SCENE = """
            { "id": "root", "type": "group", "onKey": { "SPACE": "jump" }, "children": [
              { "id": "button", "type": "rect", "x": 110, "y": 90, "w": 100, "h": 60, "fill": "#2040C0",
                "onClick": "bump", "arg": "${clicks}" },
              { "id": "boom", "type": "rect", "x": 10, "y": 200, "w": 30, "h": 30, "fill": "#808080", "onClick": "boom" },
            ] }
            """;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    /** A 320x240 logical target drawn at scale 2, with input the test hands in. */
    private static final class HiDpiTarget implements RenderTarget {
        final RasterTarget raster = new RasterTarget(640, 480);
        final Queue<InputEvent> input = new ConcurrentLinkedQueue<>();

        @Override
        public Surface surface() {
            return raster.surface();
        }

        @Override
        public int width() {
            return 320;
        }

        @Override
        public int height() {
            return 240;
        }

        @Override
        public float scale() {
            return 2f;
        }

        @Override
        public void present() {
        }

        @Override
        public void poll(Consumer<InputEvent> sink) {
            InputEvent event;
            while ((event = input.poll()) != null) {
                sink.accept(event);
            }
        }

        @Override
        public String describe() {
            return "hidpi test target";
        }

        @Override
        public void close() {
            raster.close();
        }
    }

    @Test
    void clicksAndKeysCallActionsAThrowingActionIsContainedAndAReloadKeepsThePatchedScene() throws Exception {
        HiDpiTarget target = new HiDpiTarget();
        FrameRecorder recorder = new FrameRecorder(dir);
        Inbox inbox = new Inbox();
        FrameLoop loop = new FrameLoop(target, new AppHost(RedefineAgent.instrumentation()), new Fonts(), recorder, 60,
                inbox, ack -> { }, () -> { });
        Thread thread = new Thread(loop::run, "scene-actions-test");
        thread.start();
        try {
            inbox.offer(new ServerMessage.Snapshot(meta(0), APP, TestCompiler.compile(SOURCE.formatted("")),
                    Map.of("main", SceneParser.parse("scenes/main.json", SCENE)), List.of()));
            awaitRecord(0);
            assertThat(pixel(0, 160, 120)).isEqualTo("FF2040C0");

            input(target, new InputEvent.Pointer(InputEvent.PointerKind.DOWN, 160, 120, 0),
                    new InputEvent.Pointer(InputEvent.PointerKind.DOWN, 300, 10, 0),
                    new InputEvent.Key("SPACE", true));
            inbox.offer(fill(1, "#C04020"));
            awaitRecord(1);
            JsonNode state = state();
            assertThat(state.get("clicks").asInt()).as("one click on the button, one beside it").isEqualTo(1);
            assertThat(state.get("keys").asInt()).isEqualTo(1);
            assertThat(state.get("last").asText()).isEqualTo("jump root key ");
            assertThat(pixel(1, 160, 120)).isEqualTo("FFC04020");

            input(target, new InputEvent.Pointer(InputEvent.PointerKind.DOWN, 20, 210, 0));
            inbox.offer(fill(2, "#C04021"));
            awaitRecord(2);
            input(target, new InputEvent.Pointer(InputEvent.PointerKind.DOWN, 111, 91, 0));
            inbox.offer(fill(3, "#C04022"));
            awaitRecord(3);
            assertThat(state().get("clicks").asInt()).as("the app runs on after the throwing action").isEqualTo(2);
            assertThat(state().get("last").asText()).isEqualTo("bump button click 1");

            inbox.offer(new ServerMessage.CodeUpdate(meta(4), Tier.RELOAD, "field added",
                    TestCompiler.compile(SOURCE.formatted("public int extra;")), List.of()));
            JsonNode reload = awaitRecord(4);
            assertThat(reload.get("ok").asBoolean()).as(reload.toString()).isTrue();
            assertThat(pixel(4, 160, 120)).as("the Java reload keeps the patched scene").isEqualTo("FFC04022");
            assertThat(state().get("clicks").asInt()).isEqualTo(2);
        } finally {
            inbox.stop();
            thread.join(10_000);
            recorder.close();
            target.close();
        }
    }

    @Test
    void theFrameTellsTheAppItsScaleAndWhereThePointerIs() throws Exception {
        HiDpiTarget target = new HiDpiTarget();
        FrameRecorder recorder = new FrameRecorder(dir);
        Inbox inbox = new Inbox();
        FrameLoop loop = new FrameLoop(target, new AppHost(RedefineAgent.instrumentation()), new Fonts(), recorder, 60,
                inbox, ack -> { }, () -> { });
        Thread thread = new Thread(loop::run, "scene-actions-test");
        thread.start();
        try {
            String source = SOURCE.formatted("public float scale; public double px = -1, py = -1;").replace("f.scene(\"main\");",
                    "f.scene(\"main\"); s.scale = f.scale(); s.px = f.pointerX(); s.py = f.pointerY();");
            inbox.offer(new ServerMessage.Snapshot(meta(0), APP, TestCompiler.compile(source),
                    Map.of("main", SceneParser.parse("scenes/main.json", SCENE)), List.of()));
            awaitRecord(0);
            assertThat(state().get("scale").asDouble()).isEqualTo(2.0);
            assertThat(state().get("px").asDouble()).as("0 until the pointer moves").isZero();

            input(target, new InputEvent.Pointer(InputEvent.PointerKind.MOVE, 70.5, 40, -1));
            inbox.offer(fill(1, "#C04020"));
            awaitRecord(1);

            assertThat(state().get("px").asDouble()).isEqualTo(70.5);
            assertThat(state().get("py").asDouble()).isEqualTo(40.0);
        } finally {
            inbox.stop();
            thread.join(10_000);
            recorder.close();
            target.close();
        }
    }

    private static UpdateMeta meta(long seq) {
        return new UpdateMeta(seq, List.of(), 1_000 + seq, Map.of());
    }

    private static ServerMessage.SceneUpdate fill(long seq, String color) {
        return new ServerMessage.SceneUpdate(meta(seq), List.of(SceneChange.patch("main",
                List.of(new PatchOp.SetProps("button", Map.of("fill", color), List.of())))));
    }

    /** Hands events to the loop and waits until its next poll took them, so the next update is applied after them. */
    private static void input(HiDpiTarget target, InputEvent... events) {
        target.input.addAll(List.of(events));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(target.input::isEmpty);
    }

    private JsonNode state() throws Exception {
        return json.readTree(Files.readString(dir.resolve("state.json")));
    }

    private String pixel(long seq, int x, int y) throws Exception {
        try (Image image = Image.makeDeferredFromEncodedBytes(Files.readAllBytes(dir.resolve("frame-" + seq + ".png")))) {
            return Pixels.at(image, x * 2, y * 2);
        }
    }

    private JsonNode awaitRecord(long seq) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> record(seq), Objects::nonNull);
    }

    private JsonNode record(long seq) throws Exception {
        Path log = dir.resolve("updates.jsonl");
        if (!Files.exists(log)) {
            return null;
        }
        String text = Files.readString(log);
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (!line.isEmpty() && json.readTree(line).get("seq").asLong() == seq) {
                return json.readTree(line);
            }
        }
        return null;
    }
}
