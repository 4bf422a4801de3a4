package dev.hotframe.viewer.reload.guard;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One guarded call: who runs it, until when, how far the watchdog has gone to stop it, and
 * which parts of it are the viewer's own work ({@link ViewerTime}). While the innermost part is
 * the viewer's, the call's clock stands still and the watchdog neither trips nor interrupts it:
 * the time goes on the viewer's account, and the deadline moves back by as much when the app's
 * code runs again. Viewer work that runs past {@link #viewerLimitNanos} is logged once with
 * where it is, and waited for.
 */
final class GuardedRun {

    private static final Logger log = LoggerFactory.getLogger(GuardedRun.class);
    /** Pushed for a part that is the app's again (a custom painter inside a scene). */
    private static final String APP = "";

    private final Thread runner;
    private final String what;
    private final long budgetMs;
    private final long graceNanos;
    private final long viewerLimitNanos;
    private final Deque<String> parts = new ArrayDeque<>();
    private long nextAt;
    private int stage;
    private boolean done;
    private long viewerSince;
    private boolean viewerLogged;
    private Throwable blamed;
    private String blamedOn;

    GuardedRun(Thread runner, String what, long budgetMs) {
        this.runner = runner;
        this.what = what;
        this.budgetMs = budgetMs;
        this.graceNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(100, Math.min(budgetMs, 1000)));
        this.viewerLimitNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(10_000, 5 * budgetMs));
        this.nextAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMs);
    }

    Thread runner() {
        return runner;
    }

    String what() {
        return what;
    }

    /** A part begins: the viewer's own work named {@code viewer}, or, when null, the app's code again. */
    synchronized void enter(String viewer, long now) {
        boolean was = inViewer();
        parts.push(viewer == null ? APP : viewer);
        moved(was, now);
    }

    synchronized void exit(long now) {
        boolean was = inViewer();
        parts.pop();
        moved(was, now);
    }

    private void moved(boolean wasViewer, long now) {
        boolean viewer = inViewer();
        if (!wasViewer && viewer) {
            viewerSince = now;
            viewerLogged = false;
        } else if (wasViewer && !viewer && nextAt != Long.MAX_VALUE) {
            nextAt += now - viewerSince;
        }
    }

    private boolean inViewer() {
        return !parts.isEmpty() && !parts.peek().isEmpty();
    }

    /** {@code failure} left a part; the innermost part it left is the one to blame ({@code viewer} null: the app's code). */
    synchronized void blame(Throwable failure, String viewer) {
        if (blamed != failure) {
            blamed = failure;
            blamedOn = viewer;
        }
    }

    /** The viewer's work that {@code failure} came out of, or null when it came out of the app's code. */
    synchronized String blamedOn(Throwable failure) {
        return failure != null && failure == blamed ? blamedOn : null;
    }

    /** Steps in if the call is past its next deadline; returns when to look again. */
    synchronized long check(long now) {
        if (done) {
            return nextAt;
        }
        if (inViewer()) {
            if (!viewerLogged && now - viewerSince >= viewerLimitNanos) {
                viewerLogged = true;
                log.warn("{} has spent {} ms in the viewer's own work ({}), which the app is not blamed for; the viewer waits "
                        + "for it. It is in:{}", what, TimeUnit.NANOSECONDS.toMillis(now - viewerSince), parts.peek(), stack(runner));
            }
            return viewerLogged ? Long.MAX_VALUE : viewerSince + viewerLimitNanos;
        }
        if (now < nextAt) {
            return nextAt;
        }
        if (stage == 0) {
            Fuel.trip(runner, what + " did not finish within " + budgetMs + " ms");
            log.warn("{} overran its budget of {} ms; stopping it at its next fuel check", what, budgetMs);
        } else if (stage == 1) {
            log.warn("{} is still running outside the app's checked code; interrupting it (at {})", what, top(runner));
            runner.interrupt();
        } else {
            log.error("{} has not returned and cannot be stopped on this JVM; the viewer waits for it. It is in:{}", what,
                    stack(runner));
            nextAt = Long.MAX_VALUE;
            stage++;
            return nextAt;
        }
        stage++;
        nextAt = now + graceNanos;
        return nextAt;
    }

    synchronized void finish() {
        done = true;
        if (stage > 0) {
            Fuel.clear(runner);
        }
        if (stage > 1) {
            // The interrupt was ours; it must not reach the viewer's own code.
            Thread.interrupted();
        }
    }

    synchronized boolean overran() {
        return stage > 0;
    }

    private static String top(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        return stack.length == 0 ? "unknown" : stack[0].toString();
    }

    private static String stack(Thread thread) {
        StringBuilder text = new StringBuilder();
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i < Math.min(stack.length, 20); i++) {
            text.append("\n  at ").append(stack[i]);
        }
        return text.toString();
    }
}
