package dev.hotframe.viewer.frame;

import dev.hotframe.app.Frame;
import dev.hotframe.app.InputEvent;
import dev.hotframe.viewer.reload.AppFailure;
import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.CheckpointRestore;
import dev.hotframe.viewer.reload.guard.HostCallRefused;
import dev.hotframe.viewer.reload.guard.HostCalls;
import dev.hotframe.viewer.reload.guard.Watchdog;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the app's {@code onInput}, {@code update} and {@code render} under the watchdog. An
 * exception (a stack overflow too) becomes text for the overlay, and the next frame tries
 * again. A runaway, which the watchdog stopped, or an out-of-memory pauses the app until its
 * code changes, because running it again would only stall the viewer again; if it was stopped
 * in {@code update} or {@code onInput}, the state it may have left half changed is put back
 * from the last checkpoint. Checkpoints are taken after clean frames, at most once per interval,
 * and less often for a big state, so that they cost at most about 0.2% of the time. A call that
 * would end or take over the viewer ({@code System.exit}) is refused where the app makes it;
 * one the app caught, or made on a thread of its own, becomes a warning until the code changes.
 * A pause that came out of the viewer's own drawing ({@link dev.hotframe.viewer.reload.guard.ViewerTime})
 * also ends when a scene or an asset changes.
 */
final class AppRunner {

    private static final Logger log = LoggerFactory.getLogger(AppRunner.class);

    private static final int MAX_REFUSALS = 8;

    private final AppHost host;
    private final Watchdog watchdog;
    private final long checkpointEveryNanos;
    private long checkpointInterval;
    private long lastCheckpointAt;
    private boolean checkpointed;
    private String paused;
    private boolean pausedByDrawing;
    private final Set<String> refusals = new LinkedHashSet<>();

    AppRunner(AppHost host, Duration frameBudget, Duration checkpointEvery) {
        this.host = host;
        this.watchdog = new Watchdog(frameBudget);
        this.checkpointEveryNanos = checkpointEvery.toNanos();
        this.checkpointInterval = checkpointEveryNanos;
    }

    /** Each returns the failure text, or null when the app's code returned cleanly. */
    String input(InputEvent event) {
        return run("onInput", () -> host.app().onInput(host.state(), event));
    }

    String action(dev.hotframe.app.Action action) {
        return run("onAction", () -> host.app().onAction(host.state(), action));
    }

    String update(double dt) {
        return run("update", () -> host.app().update(host.state(), dt));
    }

    String render(Frame frame) {
        return run("render", () -> host.app().render(host.state(), frame));
    }

    /** After a frame the app drew without failing: takes a checkpoint if the last is old enough. */
    void drewCleanly(long nowNanos) {
        if (!checkpointed || nowNanos - lastCheckpointAt >= checkpointInterval) {
            host.checkpoint();
            lastCheckpointAt = System.nanoTime();
            checkpointInterval = Math.max(checkpointEveryNanos, 500 * (lastCheckpointAt - nowNanos));
            checkpointed = true;
        }
    }

    /** The text shown while the app is paused, or null when it runs. */
    private void keepRefusals(Throwable shown) {
        for (HostCallRefused refused : HostCalls.drainRefused()) {
            if (refused != shown && refusals.size() < MAX_REFUSALS) {
                refusals.add(refused.line());
            }
        }
    }

    String paused() {
        return paused;
    }

    /** The app's refused host calls that did not fail a call into it (it caught them, or made them on its own threads). */
    List<String> warnings() {
        keepRefusals(null);
        return List.copyOf(refusals);
    }

    /** New code (or an undo) arrived: the app runs again. */
    void resume() {
        refusals.clear();
        if (paused != null) {
            log.info("new code arrived; the app runs again");
        }
        paused = null;
    }

    /** A scene or an asset changed: the app runs again if the viewer's drawing, not its code, paused it. */
    void drawingChanged() {
        if (paused != null && pausedByDrawing) {
            log.info("a scene or an asset changed; the app runs again");
            paused = null;
        }
    }

    private String run(String phase, Watchdog.Action action) {
        Watchdog.Outcome ran = watchdog.run(phase, action);
        Throwable failure = ran instanceof Watchdog.Threw threw ? threw.failure() : null;
        keepRefusals(failure instanceof InvocationTargetException && failure.getCause() != null ? failure.getCause() : failure);
        if (!(ran instanceof Watchdog.Threw outcome)) {
            return null;
        }
        String text = AppFailure.describe(outcome);
        boolean drawing = outcome.viewer() != null;
        if (!drawing) {
            host.appThrew(outcome.failure());
            String initializer = AppFailure.failedInitializer(outcome.failure());
            if (initializer != null) {
                host.staticInitializerFailed(initializer);
            }
        }
        if (!AppFailure.runaway(outcome) && !(outcome.failure() instanceof OutOfMemoryError)) {
            return text;
        }
        pausedByDrawing = drawing;
        StringBuilder pause = new StringBuilder(text).append(drawing ? "\nThe app is paused until a scene, an asset or its code changes"
                : "\nThe app is paused until its code changes");
        if (!phase.equals("render")) {
            CheckpointRestore restored = host.restoreCheckpoint();
            if (!(restored instanceof CheckpointRestore.NoState)) {
                pause.append("; ").append(restored.line());
            }
        }
        paused = pause.append('.').toString();
        log.warn("app paused: {}", paused);
        return paused;
    }
}
