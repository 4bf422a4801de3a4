package dev.hotframe.bench.live;

import dev.hotframe.testing.HeadlessOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code viewer connect --headless} as a process, with its frames folder and update log. */
public final class ViewerProcess implements AutoCloseable {

    private final Process process;
    private final long startedAtMs;
    private final HeadlessOutput output;

    private ViewerProcess(Process process, long startedAtMs, Path frames) {
        this.process = process;
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
        Files.createDirectories(frames);
        List<String> command = new ArrayList<>();
        command.add(Jars.java());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jars.viewer().toString(), "connect", "--headless", "--frames", frames.toString(),
                "--fps", Integer.toString(fps), "--size", size));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(frames.resolve("viewer.log").toFile());
        builder.environment().put("HOTFRAME_HOME", home.toString());
        long start = System.currentTimeMillis();
        return new ViewerProcess(builder.start(), start, frames);
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
        return process.isAlive();
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
