package dev.hotframe.devserver.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.devserver.session.ViewerClient;
import dev.hotframe.wire.AssetFile;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
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

/** Assets through the whole dev server: real files, watcher and websocket, bytes in binary frames. */
@Timeout(60)
class AssetPipelineTest {

    private static final WireCodec CODEC = new WireCodec();
    private static final String APP = """
            package demo;

            public final class App implements dev.hotframe.app.HotframeApp<App.State> {
                public static final class State {
                }

                public State initialState() {
                    return new State();
                }

                public void render(State s, dev.hotframe.app.Frame f) {
                }
            }
            """;
    private static final String SHADER = "half4 main(float2 p) { return half4(1, 0, 0, 1); }";

    @TempDir
    Path dir;

    private Path root;
    private Path shader;
    private DevServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startServer() throws IOException {
        root = dir.toRealPath().resolve("demo");
        Files.createDirectories(root.resolve("src/main/java/demo"));
        Files.createDirectories(root.resolve("assets/shaders"));
        Files.writeString(root.resolve("hotframe.json"), "{\"app\": \"demo.App\"}");
        Files.writeString(root.resolve("src/main/java/demo/App.java"), APP);
        shader = Files.writeString(root.resolve("assets/shaders/bg.sksl"), SHADER);
        server = DevServer.start(new DevServer.Options(root, "127.0.0.1", 0, 100, dir.resolve("home"), null, null));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void snapshotCarriesTheAssetsAndAnEditSendsOnlyTheChangedOne() throws Exception {
        ViewerClient viewer = join(Map.of());
        ServerMessage.Snapshot snapshot = (ServerMessage.Snapshot) viewer.nextSkippingPings();
        assertThat(snapshot.assets()).containsExactly(new AssetFile("assets/shaders/bg.sksl", SHADER.getBytes()));

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Files.write(root.resolve("assets/logo.png"), png);
        ServerMessage.AssetUpdate added = (ServerMessage.AssetUpdate) viewer.nextSkippingPings();
        assertThat(added.meta().files()).containsExactly("assets/logo.png");
        assertThat(added.assets()).containsExactly(new AssetFile("assets/logo.png", png));
        assertThat(added.removed()).isEmpty();

        String edited = SHADER.replace("1, 0, 0", "0, 0, 1") + "\n";
        Files.writeString(shader, edited);
        ServerMessage.AssetUpdate changed = (ServerMessage.AssetUpdate) viewer.nextSkippingPings();
        assertThat(changed.assets()).containsExactly(new AssetFile("assets/shaders/bg.sksl", edited.getBytes()));

        Files.delete(root.resolve("assets/logo.png"));
        ServerMessage.AssetUpdate removed = (ServerMessage.AssetUpdate) viewer.nextSkippingPings();
        assertThat(removed.assets()).isEmpty();
        assertThat(removed.removed()).containsExactly("assets/logo.png");
        assertThat(removed.meta().seq()).isEqualTo(3);
    }

    @Test
    void aViewerThatHoldsAnAssetIsNotSentItsBytesAgain() throws Exception {
        AssetFile bg = new AssetFile("assets/shaders/bg.sksl", SHADER.getBytes());
        ViewerClient fresh = join(Map.of());
        fresh.nextSkippingPings();
        assertThat(fresh.blobHashes()).contains(bg.sha256());

        ViewerClient returning = join(Map.of(bg.path(), bg.sha256()));
        returning.preload(bg);
        ServerMessage.Snapshot snapshot = (ServerMessage.Snapshot) returning.nextSkippingPings();

        assertThat(snapshot.assets()).containsExactly(bg);
        assertThat(returning.blobHashes()).doesNotContain(bg.sha256());
    }

    @Test
    void aSymlinkOutOfTheProjectIsRefusedWithAnErrorAndNeverSent() throws Exception {
        ViewerClient viewer = join(Map.of());
        viewer.nextSkippingPings();
        Path secret = Files.writeString(dir.resolve("id_rsa.png"), "-----BEGIN PRIVATE KEY-----");

        Files.createSymbolicLink(root.resolve("assets/key.png"), secret);

        ServerMessage.UpdateFailed failed = (ServerMessage.UpdateFailed) viewer.nextSkippingPings();
        assertThat(failed.meta().files()).containsExactly("assets/key.png");
        assertThat(failed.diagnostics()).containsExactly(new Diagnostic("assets/key.png", 0, 0,
                "refused: the real path of this asset is outside assets/ (a symlink?) or it is not a regular file"));
        assertThat(viewer.blobHashes()).doesNotContain(dev.hotframe.wire.Sha256.hex(Files.readAllBytes(secret)));

        ServerMessage.Snapshot late = (ServerMessage.Snapshot) join(Map.of()).nextSkippingPings();
        assertThat(late.problems()).containsExactlyElementsOf(failed.diagnostics());
        assertThat(late.assets()).extracting(AssetFile::path).containsExactly("assets/shaders/bg.sksl");
    }

    private ViewerClient join(Map<String, String> assets) throws InterruptedException {
        ViewerClient viewer = ViewerClient.connect(http, server.url(),
                Map.of(Protocol.TOKEN_HEADER, Protocol.bearer(server.token().value()))).join();
        viewer.send(CODEC.encode(new ViewerMessage.Hello(Protocol.SUPPORTED, "viewer-" + System.nanoTime(), "17", List.of(),
                null, 0, Map.of(), assets)));
        assertThat(viewer.nextMessage()).isInstanceOf(ServerMessage.Welcome.class);
        return viewer;
    }
}
