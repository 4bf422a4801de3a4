package dev.hotframe.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real child process (a dev server or a viewer) whose output is collected for assertions and failure reports. */
final class RunningProcess implements AutoCloseable {

    /** Whether this machine's {@code env} can reset signal dispositions (coreutils 8.31 and newer). */
    private static final boolean DEFAULT_SIGNALS = canResetSignals();

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private RunningProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::read, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -jar jar args...} with {@code env} added to the environment. */
    static RunningProcess java(String name, Path jar, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command(name, env, command.toArray(String[]::new));
    }

    /**
     * Starts any command with {@code env} added to the environment, with SIGINT and SIGQUIT at
     * their defaults, as in a terminal. A test JVM started in the background of a shell without
     * job control inherits them ignored, and a JVM that starts with SIGINT ignored never sees
     * Ctrl+C; coreutils' {@code env --default-signal} undoes that before the command runs.
     */
    static RunningProcess command(String name, Map<String, String> env, String... command) throws IOException {
        List<String> line = new ArrayList<>();
        if (DEFAULT_SIGNALS) {
            line.addAll(List.of("env", "--default-signal=INT,QUIT"));
        }
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new RunningProcess(name, builder.start());
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

    /** Sends {@code signal} ("INT" is Ctrl+C in a terminal, "TERM" what a service manager sends) to the process. */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            synchronized (lines) {
                lines.add("[output closed: " + e + "]");
            }
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The first output line containing {@code text}, or null. */
    String lineContaining(String text) {
        return lines().stream().filter(l -> l.contains(text)).findFirst().orElse(null);
    }

    /** Stops each process that was started (nulls are skipped) and prints its output for the test report. */
    static void closeAndPrint(RunningProcess... processes) throws InterruptedException {
        for (RunningProcess p : processes) {
            if (p != null) {
                p.close();
                System.out.println(p.output());
            }
        }
    }

    /** The exit code; only once the process has ended. */
    int exitCode() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** All output so far, for failure messages. */
    String output() {
        return "---- " + name + " output ----\n" + String.join("\n", lines()) + "\n---- end of " + name + " ----";
    }

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
