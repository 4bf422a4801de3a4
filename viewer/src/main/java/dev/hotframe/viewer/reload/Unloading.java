package dev.hotframe.viewer.reload;

import dev.hotframe.viewer.reload.guard.AppThreads;
import dev.hotframe.viewer.reload.guard.Watchdog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets go of a generation the app no longer runs: calls its app's {@code onUnload} with its last
 * state, under the watchdog, then gives the threads its code started a short grace to end, and
 * names each one still running in a warning (threads of one name started at one place are one
 * line with their count):
 * {@code thread 'ticker' started at demo.App.initialState(App.java:14) is still running after the
 * reload; it keeps generation 3's classes alive. Stop it in onUnload.} A throwing or runaway
 * {@code onUnload} is a warning too; it never stops the swap, which has already happened.
 * The generation is then handed to {@link LeakedGenerations} to be counted if it stays reachable.
 */
final class Unloading {

    private static final Logger log = LoggerFactory.getLogger(Unloading.class);
    /** How long {@code onUnload} may run: the budget of a frame's call, or less when loading has less. */
    static final Duration BUDGET = Duration.ofSeconds(2);
    /** How long the threads of a dropped generation get to end after {@code onUnload} before they are named. */
    static final Duration GRACE = Duration.ofMillis(100);

    private final Watchdog watchdog;
    private final LeakedGenerations leaked;

    Unloading(Duration loadBudget, LeakedGenerations leaked) {
        this.watchdog = new Watchdog(loadBudget.compareTo(BUDGET) < 0 ? loadBudget : BUDGET);
        this.leaked = leaked;
    }

    /**
     * Drops {@code old}, whose code ran with {@code state} until now; {@code after} names what
     * replaced it ({@code "reload"}, {@code "undo"}, {@code "viewer closed"}). Returns the warnings.
     */
    List<String> drop(Generation old, Object state, String after) {
        List<String> warnings = new ArrayList<>();
        Watchdog.Outcome outcome = watchdog.run("onUnload", () -> old.app().onUnload(state));
        if (outcome instanceof Watchdog.Threw threw) {
            warnings.add("onUnload of generation " + old.number() + " failed: " + AppFailure.oneLine(threw)
                    + "; the new code runs anyway");
        }
        warnings.addAll(leftRunning(old, after, " Stop it in onUnload."));
        warnings.forEach(w -> log.warn("{}", w));
        leaked.dropped(old.loader());
        return warnings;
    }

    /** Drops {@code failed}, a generation that was loaded but never took over (its update failed); returns the warnings. */
    List<String> abandon(Generation failed) {
        List<String> warnings = leftRunning(failed, "after its update failed", "");
        warnings.forEach(w -> log.warn("{}", w));
        leaked.dropped(failed.loader());
        return warnings;
    }

    /** The threads of {@code old} still running after a short grace, one line each. */
    private static List<String> leftRunning(Generation old, String after, String advice) {
        GenerationLoader loader = old.loader();
        List<AppThreads.Started> running = AppThreads.alive(l -> l == loader);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (AppThreads.Started started : running) {
            long left = deadline - System.nanoTime();
            if (left > 0 && !join(started.thread(), left)) {
                break;
            }
        }
        // Threads of one name started at one place (one per frame, a pool's workers) are one line with their count.
        Map<String, Integer> alike = new LinkedHashMap<>();
        for (AppThreads.Started started : running) {
            if (started.thread().isAlive()) {
                alike.merge("'" + started.thread().getName() + "' started at " + started.where(), 1, Integer::sum);
            }
        }
        List<String> warnings = new ArrayList<>();
        alike.forEach((thread, count) -> warnings.add((count == 1 ? "thread " + thread + " is"
                : count + " threads " + thread + " are") + " still running " + after + "; "
                + (count == 1 ? "it keeps" : "they keep") + " generation " + old.number() + "'s classes alive."
                + (count == 1 ? advice : advice.replace(" it ", " them "))));
        return warnings;
    }

    /** Waits for {@code thread} to end; false when this thread was interrupted (the flag is set again). */
    private static boolean join(Thread thread, long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedJoin(thread, nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
