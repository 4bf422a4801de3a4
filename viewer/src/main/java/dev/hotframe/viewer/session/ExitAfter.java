package dev.hotframe.viewer.session;

import dev.hotframe.wire.ViewerMessage;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code --exit-after N}: counts the acks of drawn updates, stops the session at the N-th, and remembers a failed one. */
final class ExitAfter {

    private final int limit;
    private final Runnable stop;
    private final AtomicInteger seen = new AtomicInteger();
    private volatile boolean anyFailed;

    /** @param limit 0 to run until closed */
    ExitAfter(int limit, Runnable stop) {
        this.limit = limit;
        this.stop = stop;
    }

    void count(ViewerMessage message) {
        if (limit <= 0 || !(message instanceof ViewerMessage.Ack ack)) {
            return;
        }
        if (!ack.ok()) {
            anyFailed = true;
        }
        if (seen.incrementAndGet() >= limit) {
            stop.run();
        }
    }

    /** True when counting, and one of the counted updates failed. */
    boolean anyFailed() {
        return limit > 0 && anyFailed;
    }
}
