package dev.hotframe.devserver.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.devserver.session.ViewerClient;
import dev.hotframe.scene.PatchOp;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.SceneChange;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole dev server in this JVM: real files, watcher, javac and websocket. */
@Timeout(60)
class DevServerTest {

    private static final WireCodec CODEC = new WireCodec();
    private static final String APP = """
            package demo;

            public final class App implements dev.hotframe.app.HotframeApp<App.State> {
                public static final class State {
                    public double x;
                }

                public State initialState() {
                    return new State();
                }

                public void render(State s, dev.hotframe.app.Frame f) {
                    f.scene("main");
                }
            }
            """;
    private static final String SCENE = "{ \"id\": \"root\", \"type\": \"group\", \"children\": [ { \"id\": \"card\", \"type\": \"rect\", \"x\": 1 } ] }";

    @TempDir
    Path dir;

    private Path app;
    private Path scene;
    private DevServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startServer() throws IOException {
        Path root = dir.toRealPath().resolve("demo");
        Files.createDirectories(root.resolve("src/main/java/demo"));
        Files.createDirectories(root.resolve("scenes"));
        Files.writeString(root.resolve("hotframe.json"), "{\"app\": \"demo.App\"}");
        app = Files.writeString(root.resolve("src/main/java/demo/App.java"), APP);
        scene = Files.writeString(root.resolve("scenes/main.json"), SCENE);
        server = DevServer.start(new DevServer.Options(root, "127.0.0.1", 0, 100, dir.resolve("home"), null, null));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void joiningViewerGetsTheProject() throws Exception {
        ServerMessage.Snapshot snapshot = (ServerMessage.Snapshot) join().nextSkippingPings();

        assertThat(snapshot.meta().seq()).isZero();
        assertThat(snapshot.appClass()).isEqualTo("demo.App");
        assertThat(snapshot.classes()).extracting(ClassFile::name).containsExactlyInAnyOrder("demo.App", "demo.App$State");
        assertThat(snapshot.scenes()).isEqualTo(Map.of("main", new SceneNode("root", "group", Map.of(),
                List.of(new SceneNode("card", "rect", Map.of("x", 1), List.of())))));
        assertThat(snapshot.problems()).isEmpty();
        assertThat(server.recordFile()).exists();
    }

    @Test
    void sceneEditIsAPatchAndCodeEditIsARedefine() throws Exception {
        ViewerClient viewer = join();
        viewer.nextSkippingPings();

        Files.writeString(scene, SCENE.replace("\"x\": 1", "\"x\": 25"));
        ServerMessage.SceneUpdate patch = (ServerMessage.SceneUpdate) viewer.nextSkippingPings();
        assertThat(patch.meta().seq()).isEqualTo(1);
        assertThat(patch.meta().files()).containsExactly("scenes/main.json");
        assertThat(patch.changes()).containsExactly(SceneChange.patch("main",
                List.of(new PatchOp.SetProps("card", Map.of("x", 25), List.of()))));

        Files.writeString(app, APP.replace("f.scene(\"main\");", "f.scene(\"main\");\n        f.scene(\"hud\");"));
        ServerMessage.CodeUpdate code = (ServerMessage.CodeUpdate) viewer.nextSkippingPings();
        assertThat(code.meta().seq()).isEqualTo(2);
        assertThat(code.meta().files()).containsExactly("src/main/java/demo/App.java");
        assertThat(List.of(code.tier(), code.reason(), code.removed())).containsExactly(Tier.REDEFINE, "method bodies changed in App", List.of());
        assertThat(code.classes()).extracting(ClassFile::name).containsExactly("demo.App");
    }

    @Test
    void compileErrorReachesLateJoiningViewer() throws Exception {
        ViewerClient first = join();
        ServerMessage.Snapshot before = (ServerMessage.Snapshot) first.nextSkippingPings();

        Files.writeString(app, APP.replace("f.scene(\"main\");", "f.scene(\"main\")"));
        Diagnostic error = new Diagnostic("src/main/java/demo/App.java", 13, 24, "error", "';' expected",
                "        f.scene(\"main\")");
        ServerMessage.UpdateFailed failed = (ServerMessage.UpdateFailed) first.nextSkippingPings();
        assertThat(failed.diagnostics()).containsExactly(error);

        ServerMessage.Snapshot late = (ServerMessage.Snapshot) join().nextSkippingPings();
        assertThat(late.meta().seq()).isEqualTo(1);
        assertThat(late.problems()).containsExactly(error);
        assertThat(late.classes()).containsExactlyInAnyOrderElementsOf(before.classes());
    }

    private ViewerClient join() throws InterruptedException {
        ViewerClient viewer = ViewerClient.connect(http, server.url(),
                Map.of(Protocol.TOKEN_HEADER, Protocol.bearer(server.token().value()))).join();
        viewer.send(CODEC.encode(new ViewerMessage.Hello(Protocol.SUPPORTED, "viewer-" + System.nanoTime(), "17", List.of(),
                null, 0, Map.of())));
        assertThat(viewer.nextMessage()).isInstanceOf(ServerMessage.Welcome.class);
        return viewer;
    }
}
