package dev.hotframe.bench.live;

/**
 * How a run paces itself: warm-up rounds (not recorded), measured rounds, the quiet gap before
 * every edit (so that no two edits share the watcher's window), and how long one update may take.
 */
public record Settings(int warmup, int runs, int baselineRuns, long gapMs, long updateTimeoutMs) {

    public Settings {
        if (runs < 1) {
            throw new IllegalArgumentException("'runs' must be at least 1, was " + runs);
        }
        if (warmup < 0 || baselineRuns < 0 || gapMs < 0) {
            throw new IllegalArgumentException("warm-up, baseline runs and gap must not be negative, were "
                    + warmup + ", " + baselineRuns + ", " + gapMs);
        }
    }
}
