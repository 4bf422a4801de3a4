package dev.hotframe.devserver.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.devserver.session.ViewerClient;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java reload after a scene edit never brings an older scene back: the code update carries no
 * scenes, and a viewer that joins after it gets the edited scene in its snapshot (unlike Leptos,
 * whose rebuild overwrites the hot-patched template).
 */
@Timeout(60)
class SceneAfterReloadTest {

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
    private static final String SCENE = "{ \"id\": \"root\", \"type\": \"row\", \"children\": [ { \"id\": \"card\", \"type\": \"rect\", \"w\": 1 } ] }";

    @TempDir
    Path dir;

    private DevServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void reloadAfterASceneEditKeepsTheEditedScene() throws Exception {
        Path root = dir.toRealPath().resolve("demo");
        Files.createDirectories(root.resolve("src/main/java/demo"));
        Files.createDirectories(root.resolve("scenes"));
        Files.writeString(root.resolve("hotframe.json"), "{\"app\": \"demo.App\"}");
        Path app = Files.writeString(root.resolve("src/main/java/demo/App.java"), APP);
        Path scene = Files.writeString(root.resolve("scenes/main.json"), SCENE);
        server = DevServer.start(new DevServer.Options(root, "127.0.0.1", 0, 100, dir.resolve("home"), null, null));
        ViewerClient viewer = join();
        viewer.nextSkippingPings();

        Files.writeString(scene, SCENE.replace("\"w\": 1", "\"w\": 250"));
        assertThat(viewer.nextSkippingPings()).isInstanceOf(ServerMessage.SceneUpdate.class);

        Files.writeString(app, APP.replace("public double x;", "public double x;\n        public int added;"));
        ServerMessage.CodeUpdate code = (ServerMessage.CodeUpdate) viewer.nextSkippingPings();
        assertThat(code.tier()).isEqualTo(Tier.RELOAD);

        ServerMessage.Snapshot late = (ServerMessage.Snapshot) join().nextSkippingPings();
        assertThat(late.scenes()).isEqualTo(Map.of("main", new SceneNode("root", "row", Map.of(),
                List.of(new SceneNode("card", "rect", Map.of("w", 250), List.of())))));
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
