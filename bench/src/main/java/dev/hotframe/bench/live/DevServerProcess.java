package dev.hotframe.bench.live;

import dev.hotframe.testing.process.HotframeProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code devserver serve DIR} as a process with its own HOTFRAME_HOME; its output goes to a log file. */
public final class DevServerProcess implements AutoCloseable {

    private final HotframeProcess process;
    private final PrintWriter log;
    private final long startedAtMs;

    private DevServerProcess(HotframeProcess process, PrintWriter log, long startedAtMs) {
        this.process = process;
        this.log = log;
        this.startedAtMs = startedAtMs;
    }

    /** Starts the server and waits until it prints its ready line; {@code progress} gets its progress lines. */
    public static DevServerProcess start(Jars jars, Path project, Path home, Path log, long timeoutSeconds,
                                         Consumer<String> progress) throws IOException, InterruptedException {
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true);
        long start = System.currentTimeMillis();
        HotframeProcess process = HotframeProcess.start("devserver", Map.of("HOTFRAME_HOME", home.toString()),
                List.of(Jars.java(), "-jar", jars.devServer().toString(), "serve", project.toString()), line -> {
                    out.println(line);
                    if (line.contains("compiling:")) {
                        progress.accept(line.substring(line.indexOf("compiling:")));
                    }
                });
        DevServerProcess server = new DevServerProcess(process, out, start);
        try {
            process.awaitReady(Duration.ofSeconds(timeoutSeconds));
        } catch (AssertionError e) {
            server.close();
            throw new IOException("the dev server was not ready within " + timeoutSeconds + " s; see " + log, e);
        }
        return server;
    }

    /** Milliseconds from starting the process to its ready line. */
    public long readyMs() {
        return process.readyAtMs() - startedAtMs;
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
