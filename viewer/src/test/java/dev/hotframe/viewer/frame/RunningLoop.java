package dev.hotframe.viewer.frame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.headless.FrameRecorder;
import dev.hotframe.viewer.headless.RasterTarget;
import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.RedefineAgent;
import dev.hotframe.viewer.render.Fonts;
import dev.hotframe.viewer.testkit.UpdateLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A headless frame loop on its own thread, recording into a folder, with short limits for tests
 * of code that runs away: updates go in through {@link #inbox}, records and frames come out
 * through {@link #log}. Closing it stops the loop and checks that it ended without crashing.
 */
final class RunningLoop implements AutoCloseable {

    final Inbox inbox = new Inbox();
    final UpdateLog log;
    private final FrameRecorder recorder;
    private final RasterTarget target;
    private final Thread thread;
    private final AtomicReference<Throwable> crashed = new AtomicReference<>();

    /**
     * @param frameBudget how long one call into the app may run
     * @param drawLimit   how long the viewer may draw one scene node
     */
    RunningLoop(Path dir, int width, int height, Duration frameBudget, Duration drawLimit) throws Exception {
        this(dir, width, height, frameBudget, drawLimit, 0);
    }

    /** A loop with the viewer's own limits, 320x240; {@code liveEveryMs} as {@code --live-every} (0: off). */
    static RunningLoop standard(Path dir, long liveEveryMs) throws Exception {
        return new RunningLoop(dir, 320, 240, FrameLoop.FRAME_BUDGET, dev.hotframe.viewer.scene.SceneRenderer.DRAW_LIMIT,
                liveEveryMs);
    }

    private RunningLoop(Path dir, int width, int height, Duration frameBudget, Duration drawLimit, long liveEveryMs)
            throws Exception {
        log = new UpdateLog(dir);
        recorder = new FrameRecorder(dir, null, liveEveryMs);
        target = new RasterTarget(width, height);
        FrameLoop loop = new FrameLoop(target, new AppHost(RedefineAgent.instrumentation()), new Fonts(), recorder, 60, inbox,
                ack -> { }, () -> { }, frameBudget, drawLimit);
        thread = new Thread(loop::run, "running-loop");
        thread.setUncaughtExceptionHandler((t, e) -> crashed.set(e));
        thread.start();
    }

    @Override
    public void close() throws Exception {
        inbox.stop();
        thread.join(10_000);
        recorder.close();
        target.close();
        assertThat(thread.isAlive()).as("the loop thread ended").isFalse();
        assertThat(crashed.get()).isNull();
    }
}
