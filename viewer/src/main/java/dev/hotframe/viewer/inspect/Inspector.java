package dev.hotframe.viewer.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.Applied;
import dev.hotframe.viewer.reload.StateReplacement;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.ViewerMessage;
import io.github.humbleui.skija.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the dashboard's requests ({@code protocol/PROTOCOL.md} section 12) on the render
 * thread, between frames, where the app's state may be touched: it reports the state tree,
 * applies an edit through the reload engine's state codec (a value that does not fit is refused
 * and nothing changes), undoes as F2 does, restarts the app as F5 does, and sends the latest frame. Requests arrive from the
 * network thread through {@link #offer}. A request that fails is answered with the reason; it
 * never stops the frame loop.
 */
public final class Inspector {

    private static final Logger log = LoggerFactory.getLogger(Inspector.class);

    private final AppHost host;
    private final Supplier<Applied> undo;
    private final Supplier<Applied> restart;
    private final Consumer<ViewerMessage> replies;
    private final ConcurrentLinkedQueue<ServerMessage.Request> pending = new ConcurrentLinkedQueue<>();
    private final List<ServerMessage.CaptureFrame> captures = new ArrayList<>();

    /**
     * @param undo    goes back one generation as F2 does (the frame loop's undo)
     * @param restart creates the app again from its code, keeping the state, as F5 does
     * @param replies sends a reply to the server
     */
    public Inspector(AppHost host, Supplier<Applied> undo, Supplier<Applied> restart, Consumer<ViewerMessage> replies) {
        this.host = host;
        this.undo = undo;
        this.restart = restart;
        this.replies = replies;
    }

    /** Hands a request over from the network thread. */
    public void offer(ServerMessage.Request request) {
        pending.add(request);
    }

    /** Before a frame: answers the pending requests but captures. Returns true when the state or code changed. */
    public boolean beforeFrame() {
        boolean changed = false;
        ServerMessage.Request request;
        while ((request = pending.poll()) != null) {
            try {
                changed |= request.accept(new Answer());
            } catch (RuntimeException e) {
                log.error("answering the dashboard's {} failed unexpectedly", request.getClass().getSimpleName(), e);
                replies.accept(new ViewerMessage.StateReport(request.id(), host.generation(), null, "the viewer failed: " + e));
            }
        }
        return changed;
    }

    /** After a frame is drawn: answers frame captures from it. {@code frame} gives a snapshot of the drawn frame. */
    public void afterFrame(Supplier<Image> frame) {
        if (captures.isEmpty()) {
            return;
        }
        try (Image image = frame.get()) {
            for (ServerMessage.CaptureFrame capture : captures) {
                FramePreview preview = FramePreview.of(image, capture.maxWidth());
                replies.accept(new ViewerMessage.FramePreview(capture.id(), preview.width(), preview.height(), preview.png(), null));
            }
        } catch (RuntimeException e) {
            log.warn("cannot capture a frame for the dashboard: {}", e.toString());
            captures.forEach(c -> replies.accept(new ViewerMessage.FramePreview(c.id(), 0, 0, null, "cannot capture: " + e)));
        }
        captures.clear();
    }

    private JsonNode tree() {
        return host.running() ? host.stateTree() : null;
    }

    /** Returns whether the request changed the state or code. */
    private final class Answer implements ServerMessage.Request.Handler<Boolean> {

        @Override
        public Boolean undo(ServerMessage.Undo request) {
            Applied applied = undo.get();
            replies.accept(new ViewerMessage.Undone(request.id(), applied.ok(),
                    applied.ok() ? applied.reason() : applied.error(), host.generation()));
            return applied.ok();
        }

        @Override
        public Boolean restartApp(ServerMessage.RestartApp request) {
            Applied applied = restart.get();
            replies.accept(new ViewerMessage.Restarted(request.id(), applied.ok(),
                    applied.ok() ? applied.reason() : applied.error(), host.generation()));
            return applied.ok();
        }

        @Override
        public Boolean inspectState(ServerMessage.InspectState request) {
            replies.accept(new ViewerMessage.StateReport(request.id(), host.generation(), tree(),
                    host.running() ? null : "no app is running"));
            return false;
        }

        @Override
        public Boolean editState(ServerMessage.EditState request) {
            JsonNode before = tree();
            String error = null;
            if (before == null) {
                error = "no app is running";
            } else {
                try {
                    if (host.replaceState(StateEdit.apply(before, request.path(), request.value()))
                            instanceof StateReplacement.Refused refused) {
                        // The migration words a misfit for a reload; here it is the user's new value that does not fit.
                        error = refused.why().replace(" was reset: its old value does not fit the new type",
                                ": the value does not fit its type");
                    }
                } catch (IllegalArgumentException e) {
                    error = e.getMessage();
                }
            }
            if (error == null) {
                log.info("the dashboard set {} to {}", request.path(), request.value());
            } else {
                error = "cannot set " + request.path() + " to " + request.value() + ": " + error + "; the state is unchanged";
                log.warn("{}", error);
            }
            replies.accept(new ViewerMessage.StateReport(request.id(), host.generation(), tree(), error));
            return error == null;
        }

        @Override
        public Boolean captureFrame(ServerMessage.CaptureFrame request) {
            captures.add(request);
            return false;
        }
    }
}
