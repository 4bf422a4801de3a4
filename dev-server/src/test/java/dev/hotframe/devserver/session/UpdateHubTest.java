package dev.hotframe.devserver.session;

import static dev.hotframe.devserver.session.RunningHub.failed;
import static dev.hotframe.devserver.session.RunningHub.hello;
import static dev.hotframe.devserver.session.RunningHub.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Limits;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.UpdateMeta;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Joining, resuming, snapshots and the update stream; authentication is in {@link UpdateHubAccessTest}. */
@Timeout(30)
class UpdateHubTest {

    private static final WireCodec CODEC = new WireCodec();
    private static final ClassFile A = new ClassFile("demo.A", new byte[] {1, 2, 3});
    private static final ClassFile B = new ClassFile("demo.B", new byte[] {4, 5});

    private RunningHub running = new RunningHub();
    private UpdateHub hub = running.hub;

    @AfterEach
    void stopHub() {
        running.close();
    }

    @Test
    void portOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> HubSettings.local(AccessToken.generate()).withAddress("127.0.0.1", 65536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'port' must be in 0..65535, was 65536");
    }

    @Test
    void helloGetsWelcomeThenTheSnapshotThenEveryUpdateInOrder() throws Exception {
        ViewerClient viewer = running.connect(running.authorized());
        viewer.send(CODEC.encode(hello("viewer-1")));

        assertThat(viewer.nextMessage()).isEqualTo(new ServerMessage.Welcome(1, hub.serverId(), 0,
                ServerMessage.Welcome.SNAPSHOT, Limits.DEFAULT, Protocol.PING_SECONDS, "dev"));
        assertThat(viewer.nextMessage()).isEqualTo(snapshot(0));
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.viewerCount() == 1);

        ServerMessage first = running.publish(RunningHub::failed);
        running.publish(RunningHub::failed);

        assertThat(first).isEqualTo(failed(1));
        assertThat(viewer.nextMessage()).isEqualTo(failed(1));
        assertThat(viewer.nextMessage()).isEqualTo(failed(2));
    }

    @Test
    void anUpdateThatCannotBeEncodedIsSentAsAFailureWithItsNumberAndTheStreamGoesOn() throws Exception {
        ViewerClient viewer = running.join("viewer-1");
        assertThat(viewer.nextMessage()).isEqualTo(snapshot(0));
        dev.hotframe.scene.SceneNode deep = new dev.hotframe.scene.SceneNode("leaf", "rect", Map.of(), List.of());
        for (int i = 0; i < 1_000; i++) {
            deep = new dev.hotframe.scene.SceneNode("n" + i, "group", Map.of(), List.of(deep));
        }
        dev.hotframe.scene.SceneNode tooDeep = deep;

        running.publish(seq -> new ServerMessage.SceneUpdate(new UpdateMeta(seq, List.of("scenes/deep.json"), 1_000, Map.of()),
                List.of(dev.hotframe.wire.SceneChange.added("deep", tooDeep))));
        running.publish(RunningHub::failed);

        ServerMessage first = viewer.nextMessage();
        assertThat(first).isInstanceOf(ServerMessage.UpdateFailed.class);
        assertThat(((ServerMessage.UpdateFailed) first).meta().seq()).isEqualTo(1);
        assertThat(((ServerMessage.UpdateFailed) first).diagnostics().get(0).message()).startsWith("cannot encode SceneUpdate: ");
        assertThat(viewer.nextMessage()).isEqualTo(failed(2));
    }

    @Test
    void connectionWithoutHelloGetsNoUpdates() throws Exception {
        ViewerClient silent = running.connect(running.authorized());
        ViewerClient joined = running.join("viewer-1");
        joined.nextMessage();

        running.publish(RunningHub::failed);

        assertThat(joined.nextMessage()).isEqualTo(failed(1));
        assertThat(silent.hasMessages()).isFalse();
        assertThat(hub.viewerCount()).isEqualTo(1);
    }

    @Test
    void lateJoinerGetsASnapshotAtTheCurrentSeq() throws Exception {
        running.publish(RunningHub::failed);
        running.publish(RunningHub::failed);

        assertThat(running.join("viewer-1").nextMessage()).isEqualTo(snapshot(2));
    }

    @Test
    void reconnectingViewerGetsOnlyWhatItMissed() throws Exception {
        for (int i = 0; i < 5; i++) {
            running.publish(RunningHub::failed);
        }
        ViewerClient viewer = running.connect(running.authorized());
        viewer.send(CODEC.encode(new ViewerMessage.Hello(Protocol.SUPPORTED, "viewer-1", "17", List.of(), hub.serverId(), 2,
                Map.of())));

        assertThat(viewer.nextMessage()).isEqualTo(new ServerMessage.Welcome(1, hub.serverId(), 5,
                ServerMessage.Welcome.CATCH_UP, Limits.DEFAULT, Protocol.PING_SECONDS, "dev"));
        assertThat(viewer.nextMessage()).isEqualTo(failed(3));
        assertThat(viewer.nextMessage()).isEqualTo(failed(4));
        assertThat(viewer.nextMessage()).isEqualTo(failed(5));
        running.publish(RunningHub::failed);
        assertThat(viewer.nextMessage()).isEqualTo(failed(6));
    }

    @Test
    void restartAppGoesOnlyToViewersWhoseHelloListsItSoAnOlderViewerNeverSeesAnUnknownType() throws Exception {
        ViewerClient older = running.join("older");
        ViewerClient knows = running.connect(running.authorized());
        knows.send(CODEC.encode(new ViewerMessage.Hello(Protocol.SUPPORTED, "knows", "17", List.of(ServerMessage.RestartApp.CAPABILITY),
                null, 0, Map.of())));
        assertThat(knows.nextMessage()).isInstanceOf(ServerMessage.Welcome.class);
        assertThat(knows.nextSkippingPings()).isInstanceOf(ServerMessage.Snapshot.class);
        assertThat(older.nextSkippingPings()).isInstanceOf(ServerMessage.Snapshot.class);

        assertThat(hub.broadcast(new ServerMessage.RestartApp("r1"), ServerMessage.RestartApp.CAPABILITY)).isEqualTo(1);
        assertThat(hub.broadcast(new ServerMessage.Undo("u1"))).isEqualTo(2);

        assertThat(knows.nextSkippingPings()).isEqualTo(new ServerMessage.RestartApp("r1"));
        assertThat(knows.nextSkippingPings()).isEqualTo(new ServerMessage.Undo("u1"));
        assertThat(older.nextSkippingPings()).as("the undo sent after the restart is the next thing it gets").isEqualTo(new ServerMessage.Undo("u1"));
    }

    @Test
    void viewerOfAnotherServerGetsASnapshot() throws Exception {
        running.publish(RunningHub::failed);
        ViewerClient viewer = running.connect(running.authorized());
        viewer.send(CODEC.encode(new ViewerMessage.Hello(Protocol.SUPPORTED, "viewer-1", "17", List.of(), "a-server-that-was",
                1, Map.of())));

        assertThat(((ServerMessage.Welcome) viewer.nextMessage()).resume()).isEqualTo(ServerMessage.Welcome.SNAPSHOT);
        assertThat(viewer.nextMessage()).isEqualTo(snapshot(1));
    }

    @Test
    void viewerFurtherBehindThanTheLogGetsASnapshot() throws Exception {
        running.close();
        running = new RunningHub(s -> s.withLimits(new Limits(1 << 20, 16 << 20, 32 << 20, 100, 100, 2)));
        hub = running.hub;
        for (int i = 0; i < 5; i++) {
            running.publish(RunningHub::failed);
        }
        ViewerClient viewer = running.connect(running.authorized());
        viewer.send(CODEC.encode(new ViewerMessage.Hello(Protocol.SUPPORTED, "viewer-1", "17", List.of(), hub.serverId(), 2,
                Map.of())));

        assertThat(((ServerMessage.Welcome) viewer.nextMessage()).resume()).isEqualTo(ServerMessage.Welcome.SNAPSHOT);
        assertThat(viewer.nextMessage()).isEqualTo(snapshot(5));
    }

    @Test
    void classBytesTravelOnceAndOnlyToViewersThatLackThem() throws Exception {
        ViewerClient fresh = running.join("fresh");
        fresh.nextMessage();
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.viewerCount() == 1);

        ServerMessage.Update code = running.publish(seq -> code(seq, A, B));
        ServerMessage.Update again = running.publish(seq -> code(seq, A, B));

        assertThat(fresh.nextMessage()).isEqualTo(code);
        assertThat(fresh.nextMessage()).isEqualTo(again);
        assertThat(fresh.blobHashes()).containsExactlyInAnyOrder(A.sha256(), B.sha256());
        assertThat(fresh.binaryFrames()).isEqualTo(1);
    }

    @Test
    void resumingViewerIsSentOnlyTheBytesItLacks() throws Exception {
        ServerMessage.Update code = running.publish(seq -> code(seq, A, B));
        ViewerClient holdsA = running.connect(running.authorized());
        holdsA.preload(A);
        holdsA.send(CODEC.encode(new ViewerMessage.Hello(Protocol.SUPPORTED, "holds-a", "17", List.of(), hub.serverId(), 0,
                Map.of(A.name(), A.sha256()))));

        assertThat(((ServerMessage.Welcome) holdsA.nextMessage()).resume()).isEqualTo(ServerMessage.Welcome.CATCH_UP);
        assertThat(holdsA.nextMessage()).isEqualTo(code);
        assertThat(holdsA.blobHashes()).containsExactly(B.sha256());
    }

    @Test
    void bytesOfAClassRevertedToAnEarlierVersionAreSentAgain() throws Exception {
        ViewerClient viewer = running.join("viewer-1");
        viewer.nextMessage();
        ClassFile edited = new ClassFile("demo.A", new byte[] {1, 2, 3, 4});

        running.publish(seq -> code(seq, A));
        running.publish(seq -> code(seq, edited));
        ServerMessage.Update reverted = running.publish(seq -> code(seq, A));

        viewer.nextMessage();
        viewer.nextMessage();
        assertThat(viewer.nextMessage()).isEqualTo(reverted);
        assertThat(viewer.binaryFrames()).isEqualTo(3);
    }

    @Test
    void viewerJoiningDuringABurstMissesAndRepeatsNothing() throws Exception {
        AtomicLong last = new AtomicLong();
        Thread publisher = new Thread(() -> {
            // Publish until the viewer has joined, then 200 more, so that it joins mid-stream.
            int after = 200;
            while (after > 0 && last.get() < 1_000_000) {
                last.set(running.publish(RunningHub::failed).meta().seq());
                after -= hub.viewerCount();
            }
        }, "test-publisher");
        publisher.start();
        ViewerClient viewer = running.join("viewer-1");
        publisher.join(10_000);

        ServerMessage.Update first = (ServerMessage.Update) viewer.nextMessage();
        long seq = first.meta().seq();
        assertThat(first).isEqualTo(snapshot(seq));
        while (seq < last.get()) {
            assertThat(viewer.nextMessage()).isEqualTo(failed(seq + 1));
            seq++;
        }
        assertThat(viewer.hasMessages()).isFalse();
    }

    @Test
    void otherProtocolVersionIsRefusedNamingBothSides() throws Exception {
        ViewerClient viewer = running.connect(running.authorized());
        viewer.send(CODEC.encode(new ViewerMessage.Hello(List.of(99), "viewer-1", "17.0.15", List.of(), null, 0, Map.of())));

        assertThat(viewer.nextMessage()).isEqualTo(new ServerMessage.Refused(4001,
                "this dev server speaks protocol [1], the viewer speaks [99]; use matching Hotframe versions", List.of(1)));
        assertThat(viewer.awaitClose()).isEqualTo(new ViewerClient.Close(4001, "protocol mismatch: server [1], viewer [99]"));
    }

    @Test
    void silentViewerIsDroppedAfterThreeMissedPings() throws Exception {
        running.close();
        running = new RunningHub(s -> s.withPingMillis(100));
        ViewerClient viewer = running.join("sleepy");

        assertThat(viewer.nextSkippingPings()).isEqualTo(snapshot(0));
        assertThat(viewer.awaitClose()).isEqualTo(new ViewerClient.Close(4002, "no answer to 3 pings"));
    }

    @Test
    void viewerThatAnswersPingsStays() throws Exception {
        running.close();
        running = new RunningHub(s -> s.withPingMillis(100));
        hub = running.hub;
        ViewerClient viewer = running.join("awake");
        viewer.nextMessage();
        for (int i = 0; i < 8; i++) {
            ServerMessage.Ping ping = (ServerMessage.Ping) viewer.nextMessage();
            viewer.send(CODEC.encode(new ViewerMessage.Pong(ping.sentAtMs())));
        }

        assertThat(hub.viewerCount()).isEqualTo(1);
    }

    @Test
    void connectionThatNeverSaysHelloIsClosed() throws Exception {
        running.close();
        running = new RunningHub(s -> s.withPingMillis(100));

        ViewerClient mute = running.connect(running.authorized());

        assertThat(mute.awaitClose().code()).isEqualTo(Protocol.CLOSE_PROTOCOL_ERROR);
    }

    private static ServerMessage.CodeUpdate code(long seq, ClassFile... classes) {
        return new ServerMessage.CodeUpdate(new UpdateMeta(seq, List.of("src/main/java/demo/A.java"), 1000, Map.of()), Tier.REDEFINE,
                "method bodies changed", List.of(classes), List.of());
    }
}
