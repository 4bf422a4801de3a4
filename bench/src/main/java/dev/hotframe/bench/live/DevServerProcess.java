package dev.hotframe.bench.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@code devserver serve DIR} as a process with its own HOTFRAME_HOME; its output goes to a log file. */
public final class DevServerProcess implements AutoCloseable {

    private final Process process;
    private final CompletableFuture<Long> ready = new CompletableFuture<>();
    private final long startedAtMs;

    private DevServerProcess(Process process, long startedAtMs) {
        this.process = process;
        this.startedAtMs = startedAtMs;
    }

    /** Starts the server and waits until it prints its ready line; {@code progress} gets its progress lines. */
    public static DevServerProcess start(Jars jars, Path project, Path home, Path log, long timeoutSeconds,
                                         Consumer<String> progress) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(Jars.java(), "-jar", jars.devServer().toString(), "serve",
                project.toString())).redirectErrorStream(true);
        builder.environment().put("HOTFRAME_HOME", home.toString());
        long start = System.currentTimeMillis();
        DevServerProcess server = new DevServerProcess(builder.start(), start);
        Thread pump = new Thread(() -> server.pump(log, progress), "devserver-log");
        pump.setDaemon(true);
        pump.start();
        try {
            server.ready.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            server.close();
            throw new IOException("the dev server was not ready within " + timeoutSeconds + " s; see " + log, e);
        }
        return server;
    }

    /** Milliseconds from starting the process to its ready line. */
    public long readyMs() {
        return ready.join() - startedAtMs;
    }

    private void pump(Path log, Consumer<String> progress) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (line.contains("ready:")) {
                    ready.complete(System.currentTimeMillis());
                } else if (line.contains("compiling:")) {
                    progress.accept(line.substring(line.indexOf("compiling:")));
                }
            }
            ready.completeExceptionally(new IOException("the dev server exited with " + process.waitFor()));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ready.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
