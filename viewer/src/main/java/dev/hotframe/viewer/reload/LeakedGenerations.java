package dev.hotframe.viewer.reload;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the generations the app no longer runs that are still in memory: something (usually a
 * thread the app started and never stopped) still reaches their class loader. Each dropped
 * generation is held weakly. A second after the last drop (and again after 5 and 30 seconds
 * while some remain), a check on a thread of its own asks the JVM for a collection and counts
 * the loaders that survived it, so that the count does not
 * include generations that are merely not collected yet, and the frame thread never waits for a
 * collection. The count goes to the dev server with each ack, for the dashboard.
 */
final class LeakedGenerations {

    private static final Logger log = LoggerFactory.getLogger(LeakedGenerations.class);
    static final long CHECK_AFTER_MS = 1000;
    /** A generation kept a little longer (a stack trace that names it, a frame not yet left) gets these later looks. */
    private static final long[] RECHECK_AFTER_MS = {5000, 30000};
    private static final ScheduledExecutorService CHECKS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "hotframe-leak-check");
        thread.setDaemon(true);
        return thread;
    });

    private final List<WeakReference<GenerationLoader>> dropped = new ArrayList<>();
    private volatile int count;
    private ScheduledFuture<?> pending;
    private int rechecks;

    /** How many dropped generations were still reachable at the last check. */
    int count() {
        return count;
    }

    /** The app no longer runs {@code loader}'s code: from now on it should become unreachable. */
    synchronized void dropped(GenerationLoader loader) {
        dropped.add(new WeakReference<>(loader));
        if (pending != null) {
            pending.cancel(false);
        }
        rechecks = 0;
        pending = CHECKS.schedule(this::scheduledCheck, CHECK_AFTER_MS, TimeUnit.MILLISECONDS);
    }

    private void scheduledCheck() {
        try {
            if (check() > 0) {
                synchronized (this) {
                    if (rechecks < RECHECK_AFTER_MS.length) {
                        pending = CHECKS.schedule(this::scheduledCheck, RECHECK_AFTER_MS[rechecks++], TimeUnit.MILLISECONDS);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("counting the generations still in memory failed; the count stays at {}", count, e);
        }
    }

    /** Collects, then counts the dropped generations still reachable; returns the count. */
    int check() {
        System.gc();
        List<Integer> alive = new ArrayList<>();
        synchronized (this) {
            dropped.removeIf(ref -> ref.get() == null);
            dropped.forEach(ref -> {
                GenerationLoader loader = ref.get();
                if (loader != null) {
                    alive.add(loader.generation());
                }
            });
        }
        if (alive.size() != count && alive.isEmpty()) {
            log.info("no earlier generation of the app is still in memory");
        } else if (alive.size() != count) {
            log.info("{} earlier generation{} still in memory: {}", alive.size(), alive.size() == 1 ? " is" : "s are", alive);
        }
        count = alive.size();
        return count;
    }
}
