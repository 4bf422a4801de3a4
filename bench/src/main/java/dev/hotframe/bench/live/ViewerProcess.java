package dev.hotframe.bench.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code viewer connect --headless} as a process, with its frames folder and update log. */
public final class ViewerProcess implements AutoCloseable {

    private final Process process;
    private final long startedAtMs;
    private final UpdateLog log;

    private ViewerProcess(Process process, long startedAtMs, Path frames) {
        this.process = process;
        this.startedAtMs = startedAtMs;
        this.log = new UpdateLog(frames.resolve("updates.jsonl"));
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

    public UpdateLog log() {
        return log;
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
