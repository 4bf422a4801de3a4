package dev.hotframe.devserver.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of Maven with its output in a file, a time limit, and a progress line every few seconds
 * ({@code still resolving with Maven (10 s, 42 files downloaded, last commons-lang3-3.18.0.jar)}),
 * so that a first resolution that downloads for a minute is never a silent terminal.
 */
final class MavenRun {

    private static final Logger log = LoggerFactory.getLogger(MavenRun.class);
    private static final Pattern DOWNLOADED = Pattern.compile("(?m)^\\[INFO] Downloaded from [^:]+: \\S*/([^/\\s]+) \\(");
    private static final long PROGRESS_EVERY_MS = 5_000;

    /** How a run ended: Maven's exit code and everything it printed, or that it ran out of time. */
    record Outcome(int exitCode, String output, boolean timedOut) {
        boolean ok() {
            return !timedOut && exitCode == 0;
        }
    }

    private MavenRun() {
    }

    /**
     * Runs {@code command} in {@code dir}, writing its output to {@code logFile}; throws
     * IOException when Maven cannot be started at all.
     */
    static Outcome run(List<String> command, Path dir, Path logFile, long timeoutSeconds, String doing)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).start();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!process.waitFor(PROGRESS_EVERY_MS, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Outcome(-1, read(logFile), true);
            }
            log.info("still {} with Maven ({} s{})", doing, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
                    downloads(read(logFile)));
        }
        return new Outcome(process.exitValue(), read(logFile), false);
    }

    /** ", 42 files downloaded, last x.jar" or nothing when Maven has downloaded nothing yet. */
    static String downloads(String output) {
        Matcher m = DOWNLOADED.matcher(output);
        int count = 0;
        String last = null;
        while (m.find()) {
            count++;
            last = m.group(1);
        }
        return count == 0 ? "" : ", " + count + (count == 1 ? " file" : " files") + " downloaded, last " + last;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
