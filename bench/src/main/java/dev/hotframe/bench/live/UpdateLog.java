package dev.hotframe.bench.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Follows a headless viewer's {@code updates.jsonl}, reading only what was appended since the last look. */
public final class UpdateLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final List<Applied> seen = new ArrayList<>();
    private long offset;

    UpdateLog(Path file) {
        this.file = file;
    }

    /** Every complete record so far. */
    public List<Applied> all() throws IOException {
        if (!Files.exists(file)) {
            return seen;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            if (in.length() <= offset) {
                return seen;
            }
            in.seek(offset);
            byte[] bytes = new byte[(int) (in.length() - offset)];
            in.readFully(bytes);
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    String line = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
                    if (!line.isEmpty()) {
                        seen.add(Applied.from(JSON.readTree(line)));
                    }
                    start = i + 1;
                }
            }
            offset += start;
        }
        return seen;
    }

    /** The highest sequence number logged so far, or -1. */
    public long lastSeq() throws IOException {
        List<Applied> all = all();
        return all.isEmpty() ? -1 : all.get(all.size() - 1).seq();
    }

    /** Waits (polling every millisecond) for the first record with a sequence number above {@code after}. */
    public Applied awaitAfter(long after, long timeoutMs, ViewerProcess owner) throws IOException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (true) {
            for (Applied a : all()) {
                if (a.seq() > after) {
                    return a;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no update after seq " + after + " in " + file + " within " + timeoutMs + " ms"
                        + (owner != null && !owner.alive() ? " (the viewer exited; see viewer.log beside it)" : ""));
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
