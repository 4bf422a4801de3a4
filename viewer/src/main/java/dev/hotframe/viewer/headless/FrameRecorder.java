package dev.hotframe.viewer.headless;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hotframe.viewer.frame.FrameLog;
import dev.hotframe.viewer.frame.UpdateRecord;
import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.EncodePNGFilterFlag;
import io.github.humbleui.skija.EncodePNGOptions;
import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.Image;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the headless output contract into a folder, off the render thread: for each update,
 * {@code frame-<seq>.png}; then {@code latest.png} and {@code state.json}, each replaced
 * atomically; then one JSON line in {@code updates.jsonl}. The line comes last, so a reader
 * that sees it finds the files it describes. A dev server that restarts numbers its updates from
 * 0 again: the frames of the n-th server run this viewer follows (n > 1) are
 * {@code frame-<seq>-<n>.png}, named in their lines ({@code "frame"}), and every line names its
 * server run ({@code "server"}), so nothing is overwritten and no line is ambiguous. With a live period, {@code latest.png} and
 * {@code state.json} are also replaced that often between updates, one write at a time.
 */
public final class FrameRecorder implements FrameLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FrameRecorder.class);

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hotframe-frame-writer");
        t.setDaemon(true);
        return t;
    });

    private final GoldenFrames golden;
    private final long liveEveryMs;
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile long lastQueuedAtMs;
    // The server runs seen, in order; the writer thread's own.
    private final List<String> servers = new java.util.ArrayList<>();

    public FrameRecorder(Path dir) throws IOException {
        this(dir, null, 0);
    }

    /**
     * @param golden      compares every written frame with a golden one, or null
     * @param liveEveryMs how often to replace {@code latest.png} and {@code state.json} between updates; 0 never
     */
    public FrameRecorder(Path dir, GoldenFrames golden, long liveEveryMs) throws IOException {
        this.dir = dir;
        this.golden = golden;
        this.liveEveryMs = liveEveryMs;
        Files.createDirectories(dir);
    }

    /** True when live frames are asked for, the period has passed, and the last write is done (a slow disk drops frames). */
    @Override
    public boolean wantsLiveFrame(long nowMs) {
        return liveEveryMs > 0 && nowMs - lastQueuedAtMs >= liveEveryMs && !writing.get();
    }

    public Path dir() {
        return dir;
    }

    /** Queues the records of one frame; {@code frame} is closed once written. */
    @Override
    public void record(List<UpdateRecord> records, Image frame, String stateJson) {
        lastQueuedAtMs = System.currentTimeMillis();
        writing.set(true);
        writer.execute(() -> {
            try (Image image = frame) {
                byte[] png = encode(image);
                for (UpdateRecord record : records) {
                    String name = frameOf(record);
                    Files.write(dir.resolve(name), png);
                    if (golden != null && name.equals("frame-" + record.seq() + ".png")) {
                        golden.check(record.seq(), image, png, dir);
                    }
                }
                replace("latest.png", png);
                replace("state.json", stateJson.getBytes(StandardCharsets.UTF_8));
                StringBuilder lines = new StringBuilder();
                for (UpdateRecord record : records) {
                    String frameName = frameOf(record);
                    if (frameName.equals("frame-" + record.seq() + ".png")) {
                        lines.append(json.writeValueAsString(record)).append('\n');
                    } else {
                        com.fasterxml.jackson.databind.node.ObjectNode line = json.valueToTree(record);
                        line.put("frame", frameName);
                        lines.append(json.writeValueAsString(line)).append('\n');
                    }
                }
                Files.writeString(dir.resolve("updates.jsonl"), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                log.error("cannot write frames to {}: {}", dir, e.toString());
            } finally {
                writing.set(false);
            }
        });
    }

    /** The file of this record's frame: {@code frame-<seq>.png} for the first server run, {@code frame-<seq>-<n>.png} for the n-th. */
    private String frameOf(UpdateRecord record) {
        int run = servers.indexOf(record.server());
        if (run < 0) {
            servers.add(record.server());
            run = servers.size() - 1;
        }
        return "frame-" + record.seq() + (run == 0 ? "" : "-" + (run + 1)) + ".png";
    }

    /**
     * Fast rather than small: no row filters and zlib level 1. Every update writes a frame, and
     * Skia's defaults (all filters, level 6) took 17.9 ms for an 800x600 sample frame and 6.4 ms
     * at 320x240, against 3.2 and 1.2 ms this way, for files 35% bigger (measured here, 2 cores).
     * With many viewers on one machine the encoding was most of each viewer's CPU per update.
     */
    private static final EncodePNGOptions FAST = new EncodePNGOptions(EncodePNGFilterFlag.NONE.getValue(), 1);

    private static byte[] encode(Image image) {
        try (Data data = EncoderPNG.encode(null, image, FAST)) {
            if (data == null) {
                throw new IllegalStateException("Skia could not encode the frame as PNG");
            }
            return data.getBytes();
        }
    }

    private void replace(String name, byte[] bytes) throws IOException {
        Path temp = dir.resolve("." + name + ".tmp");
        Files.write(temp, bytes);
        try {
            Files.move(temp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Finishes the queued writes. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("gave up waiting for frame writes to {}", dir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
