package dev.hotframe.viewer.cli;

import dev.hotframe.viewer.frame.FrameLoop;
import dev.hotframe.wire.ViewerMessage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** {@code --exit-after N}: counts the acks of drawn updates and stops the loop at the N-th. */
final class ExitAfter {

    private final int limit;
    private final AtomicInteger seen = new AtomicInteger();
    private volatile boolean anyFailed;

    ExitAfter(int limit) {
        this.limit = limit;
    }

    void count(ViewerMessage message, AtomicReference<FrameLoop> loop) {
        if (limit <= 0 || !(message instanceof ViewerMessage.Ack ack)) {
            return;
        }
        if (!ack.ok()) {
            anyFailed = true;
        }
        if (seen.incrementAndGet() >= limit && loop.get() != null) {
            loop.get().stop();
        }
    }

    /** 0 when running until closed or every counted update applied; 4 when one failed. */
    int exitCode() {
        return limit > 0 && anyFailed ? 4 : 0;
    }
}
