package dev.hotframe.devserver.watch;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The files that changed in one burst of edits, and the wall-clock time the first of them was
 * seen. A path may have been changed, created or deleted: look at the disk to know which.
 * {@code overflow} means events were lost and every watched file should be checked.
 * {@code early} means the batch went out at once on its first event, without waiting for a
 * quiet moment (a lone save). {@code newerChanges} turns true, and stays true, once more changes
 * arrive after the batch: work on it may then be given up and redone with the next batch, which
 * follows soon. It stays false late in a long burst, so that endless changes still get work done.
 */
public record ChangeBatch(Set<Path> paths, long firstSeenAtMs, long closedAtMs, boolean overflow, boolean early,
                          BooleanSupplier newerChanges) {

    private static final BooleanSupplier NEVER = () -> false;

    public ChangeBatch {
        paths = Set.copyOf(paths);
    }

    /** A batch that waited for a quiet moment and is never superseded. */
    public ChangeBatch(Set<Path> paths, long firstSeenAtMs, long closedAtMs, boolean overflow) {
        this(paths, firstSeenAtMs, closedAtMs, overflow, false, NEVER);
    }
}
