package dev.hotframe.devserver.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotframe.devserver.session.RunningHub;
import dev.hotframe.devserver.session.ViewerClient;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.UpdateMeta;
import dev.hotframe.wire.WireCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The publisher numbers every change, keeps the published state with it, and joiners see one consistent stream. */
@Timeout(30)
class PublisherTest {

    private static final Diagnostic BROKEN = new Diagnostic("src/main/java/demo/App.java", 12, 23, "';' expected");

    private final RunningHub running = new RunningHub();

    @AfterEach
    void stopHub() {
        running.close();
    }

    @Test
    void eachChangeIsNumberedAndAppliedToThePublishedState() {
        Publisher publisher = new Publisher("demo.App", Published.EMPTY, () -> 1000);
        List<ServerMessage.Update> sent = new ArrayList<>();
        publisher.sendTo(sent::add);

        ServerMessage.UpdateFailed failed = publisher.publish(p -> p.withJavaProblems(List.of(BROKEN)), PublisherTest::failed);

        assertThat(sent).containsExactly(failed(1));
        assertThat(failed).isEqualTo(failed(1));
        assertThat(publisher.seq()).isEqualTo(1);
        assertThat(publisher.published().problems()).containsExactly(BROKEN);
        assertThat(publisher.snapshot()).isEqualTo(new ServerMessage.Snapshot(new UpdateMeta(1, List.of(), 1000, Map.of()),
                "demo.App", List.of(), Map.of(), List.of(BROKEN)));
    }

    @Test
    void publishingWithoutAFanOutIsABug() {
        Publisher publisher = new Publisher("demo.App", Published.EMPTY, () -> 1000);

        assertThatThrownBy(() -> publisher.publish(p -> p, PublisherTest::failed))
                .isInstanceOf(IllegalStateException.class).hasMessage("nothing to publish to: call sendTo first");
    }

    @Test
    void theFanOutIsSetOnce() {
        Publisher publisher = new Publisher("demo.App", Published.EMPTY, () -> 1000).sendTo(update -> { });

        assertThatThrownBy(() -> publisher.sendTo(update -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessage("the publisher already sends to a fan-out");
    }

    @Test
    void joinerGetsTheSnapshotAtThePublishersSequenceNumber() throws Exception {
        running.publisher.publish(p -> p.withJavaProblems(List.of(BROKEN)), PublisherTest::failed);

        ViewerClient viewer = running.connect(running.authorized());
        viewer.send(new WireCodec().encode(RunningHub.hello("viewer-1")));

        assertThat(((ServerMessage.Welcome) viewer.nextMessage()).seq()).isEqualTo(1);
        assertThat(viewer.nextMessage()).isEqualTo(new ServerMessage.Snapshot(new UpdateMeta(1, List.of(), 1000, Map.of()),
                "demo.App", List.of(), Map.of(), List.of(BROKEN)));
        running.publish(RunningHub::failed);
        assertThat(viewer.nextMessage()).isEqualTo(RunningHub.failed(2));
    }

    @Test
    void joinerWhoseSnapshotLagsTheHubGetsTheUpdatesAfterIt() throws Exception {
        running.publish(RunningHub::failed);
        AtomicReference<ViewerClient> late = new AtomicReference<>();
        AtomicReference<ServerMessage> welcome = new AtomicReference<>();
        running.afterEachFanOut(update -> {
            if (update.meta().seq() == 2) {
                // The hub has sent #2; the publisher's state is still at #1 until this returns.
                ViewerClient viewer = running.connect(running.authorized());
                viewer.send(new WireCodec().encode(RunningHub.hello("late")));
                try {
                    welcome.set(viewer.nextMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for the welcome", e);
                }
                late.set(viewer);
            }
        });

        running.publish(RunningHub::failed);
        running.publish(RunningHub::failed);

        assertThat(((ServerMessage.Welcome) welcome.get()).seq()).isEqualTo(1);
        ViewerClient viewer = late.get();
        assertThat(viewer.nextMessage()).isEqualTo(RunningHub.snapshot(1));
        assertThat(viewer.nextMessage()).isEqualTo(RunningHub.failed(2));
        assertThat(viewer.nextMessage()).isEqualTo(RunningHub.failed(3));
    }

    private static ServerMessage.UpdateFailed failed(long seq) {
        return new ServerMessage.UpdateFailed(new UpdateMeta(seq, List.of("src/main/java/demo/App.java"), 1000, Map.of()),
                List.of(BROKEN));
    }
}
