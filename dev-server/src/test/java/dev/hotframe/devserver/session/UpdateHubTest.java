package dev.hotframe.devserver.session;

import static dev.hotframe.devserver.session.RunningHub.failed;
import static dev.hotframe.devserver.session.RunningHub.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Joining, snapshots and the update stream; authentication is in {@link UpdateHubAccessTest}. */
@Timeout(30)
class UpdateHubTest {

    private static final WireCodec CODEC = new WireCodec();
    private static final ViewerMessage.Hello HELLO = new ViewerMessage.Hello(Protocol.VERSION, "viewer-1", "17.0.15", List.of(), 0);

    private final RunningHub running = new RunningHub();
    private final UpdateHub hub = running.hub;

    @AfterEach
    void stopHub() {
        running.close();
    }

    @Test
    void portOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> new UpdateHub("127.0.0.1", 65536, AccessToken.generate(), seq -> null, Map::of))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'port' must be in 0..65535, was 65536");
    }

    @Test
    void helloGetsTheSnapshotThenEveryUpdateInOrder() throws Exception {
        ViewerClient viewer = running.connect(running.authorized());
        viewer.send(CODEC.encode(HELLO));

        assertThat(CODEC.decodeServer(viewer.next())).isEqualTo(snapshot(0));
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.viewerCount() == 1);

        ServerMessage first = hub.publish(RunningHub::failed);
        hub.publish(RunningHub::failed);

        assertThat(first).isEqualTo(failed(1));
        assertThat(CODEC.decodeServer(viewer.next())).isEqualTo(failed(1));
        assertThat(CODEC.decodeServer(viewer.next())).isEqualTo(failed(2));
    }

    @Test
    void connectionWithoutHelloGetsNoUpdates() throws Exception {
        ViewerClient silent = running.connect(running.authorized());
        ViewerClient joined = running.connect(running.authorized());
        joined.send(CODEC.encode(HELLO));
        joined.next();

        hub.publish(RunningHub::failed);

        assertThat(CODEC.decodeServer(joined.next())).isEqualTo(failed(1));
        assertThat(silent.hasMessages()).isFalse();
        assertThat(hub.viewerCount()).isEqualTo(1);
    }

    @Test
    void lateJoinerGetsASnapshotAtTheCurrentSeq() throws Exception {
        hub.publish(RunningHub::failed);
        hub.publish(RunningHub::failed);
        ViewerClient viewer = running.connect(running.authorized());
        viewer.send(CODEC.encode(HELLO));

        assertThat(CODEC.decodeServer(viewer.next())).isEqualTo(snapshot(2));
    }

    @Test
    void viewerJoiningDuringABurstMissesAndRepeatsNothing() throws Exception {
        AtomicLong last = new AtomicLong();
        Thread publisher = new Thread(() -> {
            // Publish until the viewer has joined, then 200 more, so that it joins mid-stream.
            int after = 200;
            while (after > 0 && last.get() < 1_000_000) {
                last.set(hub.publish(RunningHub::failed).meta().seq());
                after -= hub.viewerCount();
            }
        }, "test-publisher");
        publisher.start();
        ViewerClient viewer = running.connect(running.authorized());
        viewer.send(CODEC.encode(HELLO));
        publisher.join(10_000);

        ServerMessage first = CODEC.decodeServer(viewer.next());
        long seq = first.meta().seq();
        assertThat(first).isEqualTo(snapshot(seq));
        while (seq < last.get()) {
            assertThat(CODEC.decodeServer(viewer.next())).isEqualTo(failed(seq + 1));
            seq++;
        }
        assertThat(viewer.hasMessages()).isFalse();
    }

    @Test
    void otherProtocolVersionIsClosedNamingBoth() throws Exception {
        ViewerClient viewer = running.connect(running.authorized());
        viewer.send(CODEC.encode(new ViewerMessage.Hello(99, "viewer-1", "17.0.15", List.of(), 0)));

        assertThat(viewer.awaitClose()).isEqualTo(new ViewerClient.Close(4001,
                "this dev server speaks protocol 1, the viewer speaks 99; use matching Hotframe versions"));
        assertThat(viewer.hasMessages()).isFalse();
    }

    @Test
    void malformedMessageIsClosedAsBadMessage() throws Exception {
        ViewerClient viewer = running.connect(running.authorized());
        viewer.send("{\"type\":\"hello\", nope");

        assertThat(viewer.awaitClose()).isEqualTo(new ViewerClient.Close(1003,
                "malformed ViewerMessage: Unexpected character ('n' (code 110)): was expecting double-quote to start field name"));
    }

    @Test
    void longDecodeErrorIsCutToFitACloseFrame() throws Exception {
        ViewerClient viewer = running.connect(running.authorized());
        viewer.send("{\"type\":\"" + "x".repeat(200) + "\"}");

        ViewerClient.Close close = viewer.awaitClose();

        assertThat(close.code()).isEqualTo(1003);
        assertThat(close.reason()).hasSize(120).startsWith("malformed ViewerMessage: Could not resolve type id 'xxx").endsWith("...");
    }

    @Test
    void nonAsciiDecodeErrorStillClosesAsBadMessage() throws Exception {
        ViewerClient viewer = running.connect(running.authorized());
        viewer.send("{\"type\":\"" + "\u00fc".repeat(200) + "\"}");

        ViewerClient.Close close = viewer.awaitClose();

        assertThat(close.code()).isEqualTo(1003);
        assertThat(close.reason().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
        assertThat(close.reason()).startsWith("malformed ViewerMessage: Could not resolve type id '\u00fc\u00fc");
    }
}
