package dev.hotframe.viewer.frame;

import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.wire.ViewerMessage;
import io.github.humbleui.skija.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the frame loop says after a frame: each applied update's ack to the server, and, when a
 * {@link FrameLog} keeps the run, the records with the frame and the state; between updates the
 * frame and state alone, when the state changed or the log asks for a live frame. Render thread only.
 */
final class FrameReport {

    private static final Logger log = LoggerFactory.getLogger(FrameReport.class);

    private final RenderTarget target;
    private final AppHost host;
    private final FrameLog recorder;
    private final Consumer<ViewerMessage> acks;

    /** @param recorder where headless output goes, or null */
    FrameReport(RenderTarget target, AppHost host, FrameLog recorder, Consumer<ViewerMessage> acks) {
        this.target = target;
        this.host = host;
        this.recorder = recorder;
        this.acks = acks;
    }

    /** Acks and records the updates this frame showed first; {@code warnings} are the frame's own (refused calls, slow nodes). */
    void updates(List<UpdateRecord> applied, String frameError, List<String> warnings) {
        long renderedAt = System.currentTimeMillis();
        Image frame = recorder == null ? null : target.snapshot();
        String state = recorder == null ? null : stateJson();
        List<UpdateRecord> done = new ArrayList<>();
        for (UpdateRecord record : applied) {
            UpdateRecord rendered = record.rendered(renderedAt, frameError == null, frameError, warnings);
            done.add(rendered);
            acks.accept(new ViewerMessage.Ack(rendered.seq(), rendered.ok(), rendered.tier(), rendered.appliedAtMs(),
                    rendered.renderedAtMs(), rendered.error(), Map.of("apply", rendered.applyMs(),
                            "render", Math.max(0, rendered.renderedAtMs() - rendered.appliedAtMs())), host.leakedGenerations()));
        }
        if (recorder != null) {
            recorder.record(done, frame, state);
        }
    }

    /** Keeps the frame and the state without an update: when {@code stateChanged}, or when the log wants a live frame. */
    void between(boolean stateChanged) {
        if (recorder != null && (stateChanged || recorder.wantsLiveFrame(System.currentTimeMillis()))) {
            recorder.record(List.of(), target.snapshot(), stateJson());
        }
    }

    private String stateJson() {
        try {
            return host.stateJson();
        } catch (Exception e) {
            log.warn("cannot write the app state as JSON: {}", e.toString());
            return "{\"error\": \"the state could not be written as JSON\"}";
        }
    }
}
