package dev.hotframe.devserver.session;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the hub's ping round on its own named thread; a failing round is logged and the next one runs. */
final class Keepalive implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Keepalive.class);

    private final long periodMillis;
    private final Runnable round;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hotframe-keepalive");
        t.setDaemon(true);
        return t;
    });

    Keepalive(long periodMillis, Runnable round) {
        this.periodMillis = periodMillis;
        this.round = round;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::safeRound, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void safeRound() {
        try {
            round.run();
        } catch (RuntimeException e) {
            log.warn("keep-alive round failed; trying again in {} ms", periodMillis, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
