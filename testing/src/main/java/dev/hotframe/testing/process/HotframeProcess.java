package dev.hotframe.testing.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A real child process (a dev server, a viewer, or any command) whose output is collected for
 * assertions and failure reports.
 *
 * <pre>{@code
 * HotframeProcess server = HotframeProcess.java("devserver", jar, env, "serve", dir.toString(), "--port", "0");
 * server.awaitReady(Duration.ofMinutes(1));
 * }</pre>
 */
public final class HotframeProcess implements AutoCloseable {

    /** What {@code devserver serve} prints once it accepts viewers; its URL follows. */
    public static final String READY_LINE = "Hotframe dev server ready: ";

    /** Whether this machine's {@code env} can reset signal dispositions (coreutils 8.31 and newer). */
    private static final boolean DEFAULT_SIGNALS = canResetSignals();

    private final String name;
    private final Process process;
    private final Consumer<String> onLine;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private volatile long readyAtMs = -1;

    private HotframeProcess(String name, Process process, Consumer<String> onLine) {
        this.name = name;
        this.process = process;
        this.onLine = onLine;
        this.reader = new Thread(this::read, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -Xmx512m -jar jar args...} on this JVM's JDK with {@code env} added to the environment. */
    public static HotframeProcess java(String name, Path jar, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command(name, env, command.toArray(String[]::new));
    }

    /**
     * Starts any command with {@code env} added to the environment, with SIGINT and SIGQUIT at
     * their defaults, as in a terminal. A test JVM started in the background of a shell without
     * job control inherits them ignored, and a JVM that starts with SIGINT ignored never sees
     * Ctrl+C; coreutils' {@code env --default-signal} undoes that before the command runs.
     */
    public static HotframeProcess command(String name, Map<String, String> env, String... command) throws IOException {
        return start(name, env, List.of(command), line -> { });
    }

    /** As {@link #command}, and each output line is also handed to {@code onLine} (a log file, progress) as it is read. */
    public static HotframeProcess start(String name, Map<String, String> env, List<String> command, Consumer<String> onLine)
            throws IOException {
        List<String> line = new ArrayList<>();
        if (DEFAULT_SIGNALS) {
            line.addAll(List.of("env", "--default-signal=INT,QUIT"));
        }
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new HotframeProcess(name, builder.start(), onLine);
    }

    /** The java launcher of the JDK this JVM runs on, so that every process runs on the same JDK. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean canResetSignals() {
        try {
            return new ProcessBuilder("env", "--default-signal=INT,QUIT", "true").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits for the dev server's {@link #READY_LINE} and returns that line; fails with the output
     * if the process ends first or {@code timeout} passes.
     */
    public String awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String ready = lineContaining(READY_LINE);
            if (ready != null) {
                return ready;
            }
            if (!alive()) {
                awaitOutputEnd();
                if (lineContaining(READY_LINE) == null) {
                    throw new AssertionError(name + " exited with " + process.exitValue() + " before its ready line\n" + output());
                }
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no ready line from " + name + " within " + timeout + "\n" + output());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the ready line of " + name);
            }
        }
    }

    /** Gives the reader of an ended process a moment to take in the last of its output. */
    private void awaitOutputEnd() {
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the output of " + name, e);
        }
    }

    /** When the ready line was read ({@link System#currentTimeMillis()}), or -1 before that. */
    public long readyAtMs() {
        return readyAtMs;
    }

    /** Sends {@code signal} ("INT" is Ctrl+C in a terminal, "TERM" what a service manager sends) to the process. */
    public void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (readyAtMs < 0 && line.contains(READY_LINE)) {
                    readyAtMs = System.currentTimeMillis();
                }
                synchronized (lines) {
                    lines.add(line);
                }
                onLine.accept(line);
            }
        } catch (IOException | RuntimeException e) {
            synchronized (lines) {
                lines.add("[output closed: " + e + "]");
            }
        }
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The first output line containing {@code text}, or null. */
    public String lineContaining(String text) {
        return lines().stream().filter(l -> l.contains(text)).findFirst().orElse(null);
    }

    /** Stops each process that was started (nulls are skipped) and prints its output for the test report. */
    public static void closeAndPrint(HotframeProcess... processes) throws InterruptedException {
        for (HotframeProcess p : processes) {
            if (p != null) {
                p.close();
                System.out.println(p.output());
            }
        }
    }

    /** The exit code; only once the process has ended. */
    public int exitCode() {
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** All output so far, for failure messages. */
    public String output() {
        return "---- " + name + " output ----\n" + String.join("\n", lines()) + "\n---- end of " + name + " ----";
    }

    /** Stops the process and its children: asks first, and kills what has not ended within ten seconds. */
    @Override
    public void close() throws InterruptedException {
        // Children first: a wrapper such as xvfb-run does not pass the signal on to the JVM it started.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
