package dev.hotframe.viewer.frame;

import io.github.humbleui.skija.Image;
import java.util.List;

/**
 * Where a run that is watched by tools keeps what it showed: the updates each frame reports, the
 * frame and the app's state ({@code headless.FrameRecorder} writes them to a folder). The frame
 * loop owns this port, as it owns {@link RenderTarget}, so that it does not depend on the
 * headless package that implements both.
 */
public interface FrameLog {

    /** Keeps one frame's records, the frame (closed once kept) and the state as JSON; must not block the render thread. */
    void record(List<UpdateRecord> records, Image frame, String stateJson);

    /** Whether to keep a frame now although no update came (to watch an animation); false unless asked for. */
    default boolean wantsLiveFrame(long nowMs) {
        return false;
    }
}
