package dev.hotframe.viewer.net;

import dev.hotframe.wire.Protocol;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * When the viewer tries to reach the dev server: the first attempt at once, each retry after a
 * {@link Backoff} delay (reset once a server welcomes the viewer), and a look every second at how
 * long the server has been silent: past three ping periods the link is given up. Attempts, the
 * look and the tasks handed to {@link #execute} run on the thread {@code hotframe-reconnect}.
 */
final class Reconnector implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hotframe-reconnect");
        t.setDaemon(true);
        return t;
    });
    private final Backoff backoff = new Backoff();
    private final Runnable attempt;
    private final LongConsumer silent;
    private volatile boolean closed;
    private volatile long lastHeardMs = System.currentTimeMillis();
    private volatile long silenceLimitMs = Protocol.PING_SECONDS * 1000L * Protocol.PINGS_BEFORE_TIMEOUT;

    /**
     * @param attempt one connection attempt; it calls {@link #retry} when it fails
     * @param silent  told the silence limit in milliseconds whenever nothing was heard for longer
     *                (every second until something is heard; with no link open it has nothing to give up)
     */
    Reconnector(Runnable attempt, LongConsumer silent) {
        this.attempt = attempt;
        this.silent = silent;
    }

    void start() {
        timer.execute(attempt);
        timer.scheduleWithFixedDelay(this::look, 1, 1, TimeUnit.SECONDS);
    }

    /** Schedules the next attempt after the backoff delay, unless closed. */
    void retry() {
        if (!closed) {
            timer.schedule(attempt, backoff.next(), TimeUnit.MILLISECONDS);
        }
    }

    /** A server welcomed the viewer: the next retry starts from the shortest delay, and silence is judged by its pings. */
    void welcomed(int pingSeconds) {
        silenceLimitMs = pingSeconds * 1000L * Protocol.PINGS_BEFORE_TIMEOUT;
        backoff.reset();
    }

    /** Something arrived from the server (or a link just opened). */
    void heard() {
        lastHeardMs = System.currentTimeMillis();
    }

    /** Runs {@code task} on the reconnect thread, after what is queued there. */
    void execute(Runnable task) {
        timer.execute(task);
    }

    boolean closed() {
        return closed;
    }

    private void look() {
        long limit = silenceLimitMs;
        if (System.currentTimeMillis() - lastHeardMs > limit) {
            silent.accept(limit);
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }
}
