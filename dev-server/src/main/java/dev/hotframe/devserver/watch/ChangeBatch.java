package dev.hotframe.devserver.watch;

import java.nio.file.Path;
import java.util.Set;

/**
 * The files that changed in one burst of edits, and the wall-clock time the first of them was
 * seen. A path may have been changed, created or deleted: look at the disk to know which.
 * {@code overflow} means events were lost and every watched file should be checked.
 */
public record ChangeBatch(Set<Path> paths, long firstSeenAtMs, long closedAtMs, boolean overflow) {

    public ChangeBatch {
        paths = Set.copyOf(paths);
    }
}
