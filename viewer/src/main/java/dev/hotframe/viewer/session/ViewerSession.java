package dev.hotframe.viewer.session;

import dev.hotframe.process.StopSignals;
import dev.hotframe.viewer.frame.FrameLoop;
import dev.hotframe.viewer.frame.Inbox;
import dev.hotframe.viewer.frame.RenderTarget;
import dev.hotframe.viewer.headless.FrameRecorder;
import dev.hotframe.viewer.headless.GoldenFrames;
import dev.hotframe.viewer.headless.RasterTarget;
import dev.hotframe.viewer.libs.LibraryCache;
import dev.hotframe.viewer.net.Receiver;
import dev.hotframe.viewer.net.ServerConnection;
import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.RedefineAgent;
import dev.hotframe.viewer.render.Fonts;
import dev.hotframe.viewer.window.DisplayCheck;
import dev.hotframe.viewer.window.TargetChooser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of the viewer against a dev server. It opens the render target and the headless
 * output, then wires the parts so that each hands on in one direction: the connection puts
 * updates, requests and its state into the frame loop's {@link Inbox}; the loop sends acks and
 * replies through the {@link Outbox}; a refusal, {@code --exit-after}, Ctrl+C or SIGTERM stop
 * the loop through the inbox. The loop runs on the calling thread (a window needs the main thread).
 */
public final class ViewerSession {

    private final SessionSettings settings;
    private final Consumer<String> say;
    private volatile String refusal;

    /** @param say prints a line for the user (the backend chosen, where frames go) */
    public ViewerSession(SessionSettings settings, Consumer<String> say) {
        this.settings = settings;
        this.say = say;
    }

    /** Runs until the window closes or the loop is stopped; says how it ended. */
    public Ending run() throws IOException {
        TargetChooser.Choice choice = new TargetChooser("Hotframe", settings.width(), settings.height(), say)
                .open(settings.backend(), settings.headless(), settings.headless() ? null : DisplayCheck.missingDisplay());
        RenderTarget target = choice.target();
        GoldenFrames golden = settings.golden() == null ? null
                : new GoldenFrames(settings.golden().toAbsolutePath(), settings.goldenTolerance(), settings.updateGolden());
        FrameRecorder recorder = settings.frames() != null || golden != null || target instanceof RasterTarget
                || settings.headless() ? new FrameRecorder((settings.frames() != null ? settings.frames()
                : Path.of("hotframe-frames")).toAbsolutePath(), golden, settings.liveEveryMs()) : null;
        if (recorder != null) {
            say.accept("Writing frames, state.json and updates.jsonl to " + recorder.dir());
        }
        say.accept("Rendering with " + target.describe() + " (" + choice.reason() + ")");

        Inbox inbox = new Inbox();
        ServerConnection connection = new ServerConnection(settings.address(), viewerId(), target.describe(),
                new Receiver(inbox::offer, inbox::request, state -> inbox.connection(state.name().toLowerCase(Locale.ROOT)),
                        reason -> {
                            refusal = reason;
                            inbox.stop();
                        }), LibraryCache.standard());
        ExitAfter exits = new ExitAfter(settings.exitAfter(), inbox::stop);
        Outbox outbox = new Outbox(connection, exits);
        FrameLoop loop = new FrameLoop(target, new AppHost(RedefineAgent.instrumentation()), new Fonts(), recorder,
                settings.fps(), inbox, outbox::send, connection::resync);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl+C and SIGTERM stop the loop and return through the normal path (exit code 0); the
        // hook covers the other ways the JVM is asked to end (SIGHUP, System.exit).
        StopSignals.install(inbox::stop, Duration.ofSeconds(10));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            inbox.stop();
            try {
                finished.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hotframe-shutdown"));
        connection.start();
        try {
            loop.run();
        } finally {
            connection.close();
            if (recorder != null) {
                recorder.close();
            }
            target.close();
            finished.countDown();
        }
        return ending(golden, exits);
    }

    private Ending ending(GoldenFrames golden, ExitAfter exits) {
        if (refusal != null) {
            return new Ending(Ending.Reason.REFUSED, refusal);
        }
        if (golden != null && golden.failures() > 0) {
            return new Ending(Ending.Reason.FRAMES_DIFFER, golden.failures()
                    + " frame(s) did not match their golden frames in " + settings.golden());
        }
        return new Ending(exits.anyFailed() ? Ending.Reason.UPDATE_FAILED : Ending.Reason.CLOSED, null);
    }

    private static String viewerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "viewer";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
