package dev.hotframe.bench.live;

import dev.hotframe.testing.HeadlessOutput;
import dev.hotframe.testing.process.HotframeProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code viewer connect --headless} as a process, with its frames folder and update log. */
public final class ViewerProcess implements AutoCloseable {

    private final HotframeProcess process;
    private final PrintWriter log;
    private final long startedAtMs;
    private final HeadlessOutput output;

    private ViewerProcess(HotframeProcess process, PrintWriter log, long startedAtMs, Path frames) {
        this.process = process;
        this.log = log;
        this.startedAtMs = startedAtMs;
        // Polled every millisecond: the harness measures when an update lands.
        this.output = new HeadlessOutput(frames).pollingEvery(Duration.ofMillis(1));
    }

    /**
     * Starts a viewer of the dev server recorded in {@code home}. {@code jvmFlags} go before
     * {@code -jar} (a smaller heap for many viewers); {@code fps} and {@code size} are passed on.
     */
    public static ViewerProcess start(Jars jars, Path home, Path frames, List<String> jvmFlags, int fps, String size)
            throws IOException {
        return start(jars, home, frames, jvmFlags, List.of("--fps", Integer.toString(fps), "--size", size));
    }

    /** As above, with {@code connectArgs} after {@code connect --headless --frames DIR} ({@code --live-every}, say). */
    public static ViewerProcess start(Jars jars, Path home, Path frames, List<String> jvmFlags, List<String> connectArgs)
            throws IOException {
        Files.createDirectories(frames);
        List<String> command = new ArrayList<>();
        command.add(Jars.java());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jars.viewer().toString(), "connect", "--headless", "--frames", frames.toString()));
        command.addAll(connectArgs);
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(frames.resolve("viewer.log")), true);
        long start = System.currentTimeMillis();
        HotframeProcess process = HotframeProcess.start("viewer", Map.of("HOTFRAME_HOME", home.toString()), command, log::println);
        return new ViewerProcess(process, log, start, frames);
    }

    /** The highest sequence number logged so far, or -1. */
    public long lastSeq() throws IOException {
        return output.lastSeq();
    }

    /** Waits for the first record with a sequence number above {@code after}. */
    public Applied awaitAfter(long after, long timeoutMs) throws IOException {
        try {
            return Applied.from(output.awaitUpdate(u -> u.path("seq").asLong() > after, "update after seq " + after,
                    Duration.ofMillis(timeoutMs), () -> false));
        } catch (AssertionError e) {
            throw new IOException(e.getMessage() + (alive() ? "" : " (the viewer exited; see viewer.log beside it)"), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public long startedAtMs() {
        return startedAtMs;
    }

    public boolean alive() {
        return process.alive();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.close();
        } finally {
            log.close();
        }
    }
}
