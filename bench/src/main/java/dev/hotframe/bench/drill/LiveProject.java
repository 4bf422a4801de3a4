package dev.hotframe.bench.drill;

import dev.hotframe.bench.live.DevServerProcess;
import dev.hotframe.bench.live.Jars;
import dev.hotframe.bench.live.ViewerProcess;
import dev.hotframe.testing.HeadlessOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The dev server and one headless viewer on the drill's copy. The viewer also writes its state
 * every {@link #LIVE_EVERY_MS} ms, so the drill can see the app run between updates. A viewer that
 * died is replaced by a new one with its own frames folder ({@code frames-2}, ...), so that the
 * rows after it still run.
 */
final class LiveProject implements AutoCloseable {

    static final int LIVE_EVERY_MS = 200;
    private static final Duration FIRST_UPDATE = Duration.ofSeconds(90);

    private final Jars jars;
    private final Path work;
    private final Path home;
    private final DevServerProcess server;
    private final Consumer<String> progress;
    private ViewerProcess viewer;
    private HeadlessOutput output;
    private int viewers;

    private LiveProject(Jars jars, Path work, Path home, DevServerProcess server, Consumer<String> progress) {
        this.jars = jars;
        this.work = work;
        this.home = home;
        this.server = server;
        this.progress = progress;
    }

    /** Starts the dev server on {@code project} and a viewer, and waits until the viewer applied the snapshot. */
    static LiveProject start(Jars jars, ProjectLayout project, Path work, Consumer<String> progress)
            throws IOException, InterruptedException {
        Path home = work.resolve("home");
        progress.accept("starting the dev server on " + project.dir() + " (log: " + work.resolve("devserver.log") + ")");
        DevServerProcess server = DevServerProcess.start(jars, project.dir(), home, work.resolve("devserver.log"), 120,
                progress);
        LiveProject live = new LiveProject(jars, work, home, server, progress);
        try {
            live.startViewer();
        } catch (IOException | RuntimeException | Error e) {
            live.close();
            throw e;
        }
        return live;
    }

    /** Starts a new viewer (after one died) and waits until it runs the project: an update that applied. */
    void startViewer() throws IOException {
        viewers++;
        Path frames = work.resolve(viewers == 1 ? "frames" : "frames-" + viewers);
        progress.accept("starting a headless viewer (frames: " + frames + ")");
        viewer = ViewerProcess.start(jars, home, frames, List.of("-Xmx512m"),
                List.of("--size", "800x600", "--fps", "30", "--live-every", Integer.toString(LIVE_EVERY_MS)));
        output = new HeadlessOutput(frames);
        try {
            // The first update that applies: a viewer that replaces a dead one may first get a snapshot with the hostile edit in it.
            output.awaitUpdate(u -> u.path("ok").asBoolean(), "update that applies", FIRST_UPDATE, () -> !viewer.alive());
        } catch (AssertionError e) {
            throw new IOException("the viewer did not run the project (does it run as it is?): " + e.getMessage() + " (see "
                    + frames.resolve("viewer.log") + ")", e);
        }
    }

    HeadlessOutput output() {
        return output;
    }

    boolean viewerAlive() {
        return viewer.alive();
    }

    boolean serverAlive() {
        return server.alive();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            if (viewer != null) {
                viewer.close();
            }
        } finally {
            server.close();
        }
    }
}
