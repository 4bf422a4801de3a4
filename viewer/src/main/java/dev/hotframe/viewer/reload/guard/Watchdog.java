package dev.hotframe.viewer.reload.guard;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs calls into the app's code under a time budget, and stops one that overruns it.
 *
 * <p>At the budget it trips {@link Fuel} for the calling thread: the app's next fuel check
 * (at a method entry or a backward branch) throws {@link Runaway}, so an endless loop or
 * recursion in the app's own code ends where it is. Code that is blocked outside the app's
 * classes (a {@code sleep}, a lock, a loop inside the JDK) has no checks; after a grace period
 * the watchdog interrupts the thread, and if that does not help either it logs where the
 * thread is stuck. A stock JVM offers nothing stronger: {@code Thread.stop} throws
 * {@code UnsupportedOperationException} from JDK 20 on, and even on 17 it could kill the
 * viewer's own code between two app calls.
 *
 * <p>The viewer's own work inside such a call (drawing a scene the app asked for) is marked with
 * {@link ViewerTime}: it does not count against the budget, and is never stopped.
 *
 * <p>One daemon thread, {@code hotframe-watchdog}, watches every guarded call in the JVM. It
 * sleeps while no call is guarded.
 */
public final class Watchdog {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final Set<GuardedRun> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<GuardedRun> CURRENT = new ThreadLocal<>();
    private static volatile Thread watcher;
    private static volatile boolean idle;

    private final long budgetMs;

    /** Something the app runs; it may throw anything, which ends up in the {@link Outcome}. */
    @FunctionalInterface
    public interface Action {
        void run() throws Throwable;
    }

    /** How a guarded call ended: it returned or it threw; {@code overran} when the watchdog had to step in. */
    public sealed interface Outcome permits Returned, Threw {
        String what();

        long budgetMs();

        boolean overran();
    }

    /** The call returned (it may have overrun its budget all the same, and returned before its next fuel check). */
    public record Returned(String what, long budgetMs, boolean overran) implements Outcome {
    }

    /**
     * The call threw {@code failure}: a {@link Runaway} where the watchdog stopped it. {@code viewer}
     * names the viewer's own work it came out of ({@code "drawing scene 'dashboard'"}, see
     * {@link ViewerTime}), or is null when it came out of the app's code.
     */
    public record Threw(String what, long budgetMs, Throwable failure, boolean overran, String viewer) implements Outcome {
    }

    public Watchdog(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("'budget' must be positive, was " + budget);
        }
        this.budgetMs = budget.toMillis();
    }

    public long budgetMs() {
        return budgetMs;
    }

    /** Runs {@code action} on this thread under the budget; never throws what the action threw. */
    public Outcome run(String what, Action action) {
        GuardedRun section = new GuardedRun(Thread.currentThread(), what, budgetMs);
        boolean interruptedBefore = Thread.currentThread().isInterrupted();
        GuardedRun outer = CURRENT.get();
        CURRENT.set(section);
        ACTIVE.add(section);
        wakeWatcher();
        Throwable failure = null;
        try {
            action.run();
        } catch (Throwable e) {
            failure = e;
        } finally {
            section.finish();
            ACTIVE.remove(section);
            CURRENT.set(outer);
            // An interrupt the app left on the viewer's thread would end the viewer's next wait
            // (and with it the frame loop); one that was there before the call is the viewer's own.
            if (!interruptedBefore && Thread.interrupted()) {
                log.warn("{} left its thread interrupted; the viewer cleared the flag and keeps running", what);
            }
        }
        boolean overran = section.overran();
        return failure == null ? new Returned(what, budgetMs, overran) : new Threw(what, budgetMs, failure, overran,
                section.blamedOn(failure));
    }

    /** What the guarded call running on {@code thread} is ({@code "render"}), or null when none is. */
    public static String running(Thread thread) {
        for (GuardedRun section : ACTIVE) {
            if (section.runner() == thread) {
                return section.what();
            }
        }
        return null;
    }

    /** The guarded call running on this thread, or null. */
    static GuardedRun current() {
        return CURRENT.get();
    }

    private static void wakeWatcher() {
        Thread thread = watcher;
        if (thread == null) {
            synchronized (Watchdog.class) {
                if (watcher == null) {
                    Thread started = new Thread(Watchdog::watch, "hotframe-watchdog");
                    started.setDaemon(true);
                    started.start();
                    watcher = started;
                }
            }
        } else if (idle) {
            LockSupport.unpark(thread);
        }
    }

    private static void watch() {
        while (true) {
            try {
                long now = System.nanoTime();
                long next = now + POLL_NANOS;
                for (GuardedRun section : ACTIVE) {
                    next = Math.min(next, section.check(now));
                }
                if (ACTIVE.isEmpty()) {
                    idle = true;
                    if (ACTIVE.isEmpty()) {
                        LockSupport.park();
                    }
                    idle = false;
                } else {
                    LockSupport.parkNanos(Math.max(1_000_000, next - now));
                }
            } catch (RuntimeException | Error e) {
                log.error("the watchdog failed; it keeps watching", e);
            }
        }
    }
}
