package dev.hotframe.devserver.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Tells an editor's temporary files from the files a save is for: a file created in the last
 * {@value #TEMPORARY_MILLIS} ms and gone again is a temporary one (sed -i's {@code sedXXXXXX},
 * IntelliJ's {@code X___jb_tmp___} and {@code X___jb_old___}, vim's backup copy), so a save
 * through one is still a lone save. A file that is gone but was there before was deleted: it
 * counts. The batcher thread's own.
 */
final class TemporaryFiles {

    /** How recently a file must have been created for its deletion to make it an editor's temporary file. */
    static final long TEMPORARY_MILLIS = 2_000;

    private final Map<Path, Long> createdAtMs = new HashMap<>();
    private final Set<Path> born = new HashSet<>();

    /** A new batch is being gathered. */
    void newBatch() {
        born.clear();
    }

    /** {@code path} was created at {@code atMs}; {@code inBatch} says whether the batch already had an event for it. */
    void created(Path path, long atMs, boolean inBatch) {
        createdAtMs.values().removeIf(at -> atMs - at > TEMPORARY_MILLIS);
        createdAtMs.put(path, atMs);
        if (!inBatch) {
            born.add(path);
        }
    }

    /** The paths of {@code paths} that are not temporary files. */
    Set<Path> real(Set<Path> paths) {
        Set<Path> real = new HashSet<>();
        long now = System.currentTimeMillis();
        for (Path path : paths) {
            Long created = createdAtMs.get(path);
            if (created == null || now - created >= TEMPORARY_MILLIS || Files.exists(path)) {
                real.add(path);
            }
        }
        return real;
    }

    /** True when every one of {@code paths} was born in this batch (its first event was its creation). */
    boolean allBorn(Set<Path> paths) {
        return born.containsAll(paths);
    }
}
