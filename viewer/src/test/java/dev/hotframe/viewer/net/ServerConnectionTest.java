package dev.hotframe.viewer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotframe.viewer.libs.LibraryCache;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.Library;
import dev.hotframe.wire.Limits;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Sha256;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.UpdateMeta;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real connection to a Javalin server on a free port that speaks the dev server's side of the protocol. */
@Timeout(30)
class ServerConnectionTest {

    private static final String TOKEN = "t".repeat(40);
    private static final byte[] JAR = "pretend these are the bytes of a jar".getBytes(StandardCharsets.UTF_8);
    private static final Library LIBRARY = new Library("slow-1.0.jar", Sha256.hex(JAR), JAR.length);
    private static final WireCodec CODEC = new WireCodec();

    @TempDir
    Path cache;

    private final CountDownLatch libraryMayGo = new CountDownLatch(1);
    private final List<ViewerMessage> heard = new CopyOnWriteArrayList<>();
    private final List<ServerMessage.Update> updates = new CopyOnWriteArrayList<>();
    private final List<ServerMessage.Request> requests = new CopyOnWriteArrayList<>();
    private Javalin server;
    private ServerConnection connection;

    @AfterEach
    void stop() {
        libraryMayGo.countDown();
        if (connection != null) {
            connection.close();
        }
        server.stop();
    }

    @Test
    void aSlowLibraryDownloadHoldsBackTheUpdatesButNotPingsOrRequests() {
        ServerMessage.Snapshot snapshot = new ServerMessage.Snapshot(meta(1), "demo.App", List.of(), Map.of(), List.of(),
                List.of(), List.of(LIBRARY));
        ServerMessage.UpdateFailed failed = new ServerMessage.UpdateFailed(meta(2),
                List.of(new Diagnostic("src/main/java/demo/App.java", 12, 9, "';' expected")));
        serve(snapshot, failed, new ServerMessage.Ping(42), new ServerMessage.InspectState("r1"));
        LibraryCache libraries = new LibraryCache(cache);

        connect(libraries);

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(new ViewerMessage.Pong(42)));
        await().atMost(Duration.ofSeconds(10)).until(() -> requests.equals(List.of(new ServerMessage.InspectState("r1"))));
        assertThat(updates).as("the snapshot waits for its library, and update #2 waits behind it").isEmpty();

        libraryMayGo.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> updates.size() == 2);
        assertThat(updates).containsExactly(snapshot, failed);
        assertThat(libraries.has(LIBRARY)).isTrue();
    }

    @Test
    void anUpdateTheViewerCannotReadIsReportedOnceAsFailedAndTheStreamGoesOn() {
        libraryMayGo.countDown();
        ServerMessage.Snapshot snapshot = new ServerMessage.Snapshot(meta(1), "demo.App", List.of(), Map.of(), List.of());
        // a newer server's tier, which this viewer does not know
        String unknownTier = CODEC.encode(new ServerMessage.CodeUpdate(meta(2, "src/main/java/demo/App.java"), Tier.REDEFINE,
                "method bodies changed", List.of(), List.of())).replace("\"redefine\"", "\"hyper\"");
        ServerMessage.SceneUpdate next = new ServerMessage.SceneUpdate(meta(3), List.of());
        serveTexts(CODEC.encode(snapshot), unknownTier, CODEC.encode(next));

        connect(new LibraryCache(cache));

        await().atMost(Duration.ofSeconds(10)).until(() -> updates.size() == 3);
        assertThat(updates.get(0)).isEqualTo(snapshot);
        ServerMessage.UpdateFailed failed = (ServerMessage.UpdateFailed) updates.get(1);
        assertThat(failed.meta().seq()).isEqualTo(2);
        assertThat(failed.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("src/main/java/demo/App.java");
            assertThat(d.message()).startsWith("this viewer could not read update #2 from the dev server (malformed ServerMessage: ")
                    .contains("hyper").endsWith("); it keeps what it had and goes on with the next update");
        });
        assertThat(updates.get(2)).isEqualTo(next);
        assertThat(heard.stream().filter(ViewerMessage.Hello.class::isInstance)).as("no reconnect to be sent it again").hasSize(1);
    }

    /** Welcomes a viewer's hello and sends {@code messages}; the library route answers once {@link #libraryMayGo}. */
    private void serve(ServerMessage... messages) {
        serveTexts(java.util.Arrays.stream(messages).map(CODEC::encode).toArray(String[]::new));
    }

    /** Welcomes a viewer's hello and sends {@code texts} as they are. */
    private void serveTexts(String... texts) {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get(Protocol.LIBRARIES_PATH + "/{sha256}", ctx -> {
                if (!libraryMayGo.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the library go");
                }
                ctx.result(JAR);
            });
            config.routes.ws(Protocol.PATH, ws -> ws.onMessage(ctx -> {
                ViewerMessage message = CODEC.decodeViewer(ctx.message());
                heard.add(message);
                if (message instanceof ViewerMessage.Hello) {
                    ctx.send(CODEC.encode(new ServerMessage.Welcome(Protocol.VERSION, "srv-test", 2,
                            ServerMessage.Welcome.SNAPSHOT, Limits.DEFAULT, Protocol.PING_SECONDS, "test")));
                    for (String text : texts) {
                        ctx.send(text);
                    }
                }
            }));
        }).start("127.0.0.1", 0);
    }

    private void connect(LibraryCache libraries) {
        AddressSource address = new AddressSource(URI.create("ws://127.0.0.1:" + server.port() + Protocol.PATH), TOKEN,
                null, null, null, cache);
        connection = new ServerConnection(address, "viewer-test", "raster", new Receiver((server, update) -> updates.add(update), requests::add,
                state -> { }, reason -> { }), libraries);
        connection.start();
    }

    private static UpdateMeta meta(long seq, String... files) {
        return new UpdateMeta(seq, List.of(files), 1_000 + seq, Map.of());
    }
}
