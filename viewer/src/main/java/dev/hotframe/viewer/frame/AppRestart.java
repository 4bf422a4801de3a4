package dev.hotframe.viewer.frame;

import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.Applied;
import dev.hotframe.viewer.render.Overlay;
import dev.hotframe.wire.ViewerMessage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-creates the app from the code it runs, keeping its state: F5 in the viewer, or the
 * dashboard's "Restart app". It is the way to see a change that only code which already ran
 * would show (a constructor, a field or static initializer), when it came as a redefine. Render
 * thread only; the key handler asks for it and the loop runs it between two frames.
 */
final class AppRestart {

    private static final Logger log = LoggerFactory.getLogger(AppRestart.class);
    /** The reason the toast, the log and the {@code restarted} reply give. */
    static final String REASON = "restart app (F5 or the dashboard)";

    private final AppHost host;
    private final AppRunner runner;
    private final Overlay overlay;
    private final Consumer<ViewerMessage> replies;
    private boolean requested;

    AppRestart(AppHost host, AppRunner runner, Overlay overlay, Consumer<ViewerMessage> replies) {
        this.host = host;
        this.runner = runner;
        this.overlay = overlay;
        this.replies = replies;
    }

    /** F5 was pressed: restart before the next frame. */
    void request() {
        requested = true;
    }

    /** Between frames: restarts when F5 was pressed and tells the server (a {@code restarted} with a null id); null otherwise. */
    Applied runIfRequested() {
        if (!requested) {
            return null;
        }
        requested = false;
        Applied applied = run();
        replies.accept(new ViewerMessage.Restarted(null, applied.ok(), applied.ok() ? applied.reason() : applied.error(),
                host.generation()));
        return applied;
    }

    /** Restarts now: a new generation from the running code, {@code initialState()}, the last state restored over it. */
    Applied run() {
        Applied applied = host.restart(REASON);
        long now = System.currentTimeMillis();
        if (applied.ok()) {
            log.info("{}: the app was created again in generation {}", REASON, host.generation());
            runner.resume();
            overlay.toast("restart: " + applied.reason(), now);
        } else {
            log.warn("{} failed: {}; the app keeps running as it was", REASON, applied.error());
            overlay.toast("restart: " + applied.error(), now);
        }
        return applied;
    }
}
