package dev.hotframe.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javax.imageio.ImageIO;

/**
 * Reads what a headless viewer ({@code viewer connect --headless --frames DIR}) writes: the
 * update log, one line of JSON per update, the frame of each update and the app's state.
 * The log is followed: each look reads only what was appended since the last one, and only
 * whole lines, so a line being written is never half-read.
 *
 * <pre>{@code
 * HeadlessOutput frames = new HeadlessOutput(dir);
 * JsonNode update = frames.awaitUpdate(3, Duration.ofMinutes(1), () -> !viewer.alive());
 * assertThat(frames.pixel(3, 240, 200)).isEqualTo(0xFF3366FF);
 * }</pre>
 */
public final class HeadlessOutput {

    /** The update log's name in the frames folder. */
    public static final String UPDATES = "updates.jsonl";
    /** The app's state as of the last update. */
    public static final String STATE = "state.json";
    /** The most recent frame. */
    public static final String LATEST = "latest.png";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Duration pollInterval;
    private final List<JsonNode> seen = new ArrayList<>();
    private long offset;

    /** Reads {@code dir}, polling every 20 ms while waiting. */
    public HeadlessOutput(Path dir) {
        this(dir, Duration.ofMillis(20));
    }

    private HeadlessOutput(Path dir, Duration pollInterval) {
        this.dir = dir;
        this.pollInterval = pollInterval;
    }

    /** A reader of the same folder that polls every {@code interval} while waiting (a latency harness polls often). */
    public HeadlessOutput pollingEvery(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("'interval' must be positive, was " + interval);
        }
        return new HeadlessOutput(dir, interval);
    }

    public Path dir() {
        return dir;
    }

    /** Every complete update record so far, oldest first. */
    public synchronized List<JsonNode> updates() throws IOException {
        Path log = dir.resolve(UPDATES);
        if (!Files.exists(log)) {
            return List.copyOf(seen);
        }
        try (RandomAccessFile in = new RandomAccessFile(log.toFile(), "r")) {
            if (in.length() > offset) {
                in.seek(offset);
                byte[] bytes = new byte[(int) (in.length() - offset)];
                in.readFully(bytes);
                int start = 0;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        String line = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
                        if (!line.isEmpty()) {
                            seen.add(parse(line));
                        }
                        start = i + 1;
                    }
                }
                offset += start;
            }
        }
        return List.copyOf(seen);
    }

    /** The record of update {@code seq}, or null if it has not been written yet. */
    public JsonNode update(long seq) throws IOException {
        return updates().stream().filter(u -> u.path("seq").asLong() == seq).findFirst().orElse(null);
    }

    /** The highest sequence number logged so far, or -1. */
    public long lastSeq() throws IOException {
        return updates().stream().mapToLong(u -> u.path("seq").asLong()).max().orElse(-1);
    }

    /** Waits for the record of update {@code seq}; fails fast when {@code dead} turns true. */
    public JsonNode awaitUpdate(long seq, Duration timeout, BooleanSupplier dead) {
        return awaitUpdate(u -> u.path("seq").asLong() == seq, "update #" + seq, timeout, dead);
    }

    /**
     * Waits for the first record that {@code matches}; fails with {@code what} and the records so
     * far when {@code timeout} passes, or at once when {@code dead} turns true (a process died).
     */
    public JsonNode awaitUpdate(Predicate<JsonNode> matches, String what, Duration timeout, BooleanSupplier dead) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<JsonNode> updates;
            try {
                updates = updates();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir.resolve(UPDATES), e);
            }
            for (JsonNode update : updates) {
                if (matches.test(update)) {
                    return update;
                }
            }
            if (dead.getAsBoolean()) {
                throw new AssertionError("no " + what + " in " + dir.resolve(UPDATES) + ": a process died; updates so far: " + updates);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " in " + dir.resolve(UPDATES) + " within " + timeout
                        + "; updates so far: " + updates);
            }
            LockSupport.parkNanos(pollInterval.toNanos());
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what);
            }
        }
    }

    /** The last written state of the app. */
    public JsonNode state() throws IOException {
        return JSON.readTree(dir.resolve(STATE).toFile());
    }

    /** The frame drawn for update {@code seq}. */
    public Path frame(long seq) {
        return dir.resolve("frame-" + seq + ".png");
    }

    /** The ARGB colour at ({@code x}, {@code y}) in the frame of update {@code seq}. */
    public int pixel(long seq, int x, int y) throws IOException {
        return pixel(frame(seq), x, y);
    }

    /** The ARGB colour at ({@code x}, {@code y}) in {@code png}. */
    public static int pixel(Path png, int x, int y) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException(png + " is not a PNG");
        }
        return image.getRGB(x, y);
    }

    /** The records of a whole update log's text (a container's, read in one piece); a last line without its newline is left out. */
    public static List<JsonNode> parseUpdates(String log) {
        List<JsonNode> updates = new ArrayList<>();
        for (String line : log.substring(0, log.lastIndexOf('\n') + 1).split("\n")) {
            if (!line.isBlank()) {
                updates.add(parse(line));
            }
        }
        return updates;
    }

    /** One JSON text; text that is not JSON fails with the text. */
    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
