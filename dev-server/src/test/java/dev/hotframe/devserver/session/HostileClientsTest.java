package dev.hotframe.devserver.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each hostile client is refused as PROTOCOL.md specifies, while a well-behaved viewer on the
 * same hub keeps receiving every update in order.
 */
@Timeout(30)
class HostileClientsTest {

    private static final WireCodec CODEC = new WireCodec();

    /** One misbehaviour and the check that it was refused. */
    interface Attack {
        void run(RunningHub hub) throws Exception;
    }

    private final RunningHub running = new RunningHub();
    private ViewerClient good;

    @BeforeEach
    void joinAGoodViewer() throws Exception {
        good = running.join("good");
        good.nextMessage();
        await().atMost(Duration.ofSeconds(5)).until(() -> running.hub.viewerCount() == 1);
        running.publish(RunningHub::failed);
        assertThat(good.nextMessage()).isEqualTo(RunningHub.failed(1));
    }

    @AfterEach
    void stopHub() {
        running.close();
    }

    static Stream<Arguments> attacks() {
        return Stream.of(
                attack("no token", hub -> closes(hub.connect(Map.of()), 1008, "missing or wrong access token")),
                attack("a wrong token", hub -> closes(hub.connect(Map.of(Protocol.TOKEN_HEADER, Protocol.bearer("guess"))),
                        1008, "missing or wrong access token")),
                attack("a foreign Origin", hub -> {
                    Throwable failure = catchThrowable(() -> hub.connect(Map.of("Origin", "http://evil.example",
                            Protocol.TOKEN_HEADER, Protocol.bearer(hub.token.value()))));
                    assertThat(handshakeStatus(failure)).isEqualTo(403);
                }),
                attack("a rebinding Host", hub -> assertThat(hub.rawUpgrade("evil.example:" + hub.server.port()))
                        .isEqualTo("HTTP/1.1 403 Forbidden")),
                attack("a frame over the limit", hub -> {
                    ViewerClient client = hub.connect(hub.authorized());
                    client.sendRefusable("{\"type\":\"pong\",\"pad\":\"" + "x".repeat(5 << 20) + "\"}");
                    assertThat(client.awaitClose().code()).isEqualTo(Protocol.CLOSE_TOO_BIG);
                }),
                attack("invalid JSON", hub -> {
                    ViewerClient client = hub.connect(hub.authorized());
                    client.send("{\"type\":\"hello\", nope");
                    closes(client, 1007, "malformed ViewerMessage: Unexpected character ('n' (code 110)): was expecting "
                            + "double-quote to start field name (at 1:18)");
                }),
                attack("an unknown type", hub -> {
                    ViewerClient client = hub.connect(hub.authorized());
                    client.send("{\"type\":\"bye\"}");
                    ViewerClient.Close close = client.awaitClose();
                    assertThat(close.code()).isEqualTo(1007);
                    assertThat(close.reason()).startsWith("malformed ViewerMessage: Could not resolve type id 'bye'");
                }),
                attack("a truncated binary frame", hub -> {
                    ViewerClient client = hub.connect(hub.authorized());
                    client.sendBinary(new byte[] {'H', 'F', 'B', '1', 0, 0});
                    closes(client, 1003, "viewers send text frames only");
                }),
                attack("an ack before hello", hub -> {
                    ViewerClient client = hub.connect(hub.authorized());
                    client.send(CODEC.encode(new ViewerMessage.Ack(1, true, Tier.REDEFINE, 1, 2, null, Map.of())));
                    closes(client, 1002, "an ack before hello");
                }),
                attack("a second hello", hub -> {
                    ViewerClient client = hub.join("twice");
                    client.send(CODEC.encode(RunningHub.hello("twice")));
                    ViewerClient.Close close = client.awaitClose();
                    assertThat(close).isEqualTo(new ViewerClient.Close(1002, "a second hello on one connection"));
                }),
                attack("a hello without a viewer id", hub -> {
                    ViewerClient client = hub.connect(hub.authorized());
                    client.send("{\"type\":\"hello\",\"protocols\":[1],\"lastSeq\":0}");
                    ViewerClient.Close close = client.awaitClose();
                    assertThat(close.code()).isEqualTo(1007);
                    assertThat(close.reason()).startsWith("malformed ViewerMessage: 'viewerId' must not be null");
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void hostileClientIsRefusedAndTheGoodViewerCarriesOn(String name, Attack attack) throws Exception {
        attack.run(running);

        running.publish(RunningHub::failed);
        running.publish(RunningHub::failed);
        assertThat(nextUpdate()).isEqualTo(RunningHub.failed(2));
        assertThat(nextUpdate()).isEqualTo(RunningHub.failed(3));
        assertThat(running.hub.viewerIds()).contains("good");
    }

    private ServerMessage nextUpdate() throws InterruptedException {
        return good.nextSkippingPings();
    }

    private static Arguments attack(String name, Attack attack) {
        return Arguments.of(name, attack);
    }

    private static void closes(ViewerClient client, int code, String reason) throws Exception {
        assertThat(client.awaitClose()).isEqualTo(new ViewerClient.Close(code, reason));
    }

    private static int handshakeStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
        }
        throw new AssertionError("not a handshake failure", failure);
    }
}
