package dev.hotframe.devserver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.hotframe.wire.ViewerMessage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Replies meet their requests, however early they come back. */
class PendingRequestsTest {

    private final PendingRequests pending = new PendingRequests();

    @Test
    void aReplyThatArrivesBeforeTheAskerWaitsIsKept() throws Exception {
        PendingRequests.Open open = pending.open();
        ViewerMessage.StateReport report = new ViewerMessage.StateReport(open.id(), 1, IntNode.valueOf(41), null);

        pending.replied("viewer-1", report);

        assertThat(open.reply().get(1, TimeUnit.SECONDS)).isEqualTo(report);
    }

    @Test
    void aReplyAfterTheAskerGaveUpIsDropped() {
        PendingRequests.Open open = pending.open();
        pending.forget(open.id());

        pending.replied("viewer-1", new ViewerMessage.StateReport(open.id(), 1, IntNode.valueOf(41), null));

        assertThat(open.reply()).isNotDone();
    }
}
