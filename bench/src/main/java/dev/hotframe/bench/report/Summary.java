package dev.hotframe.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Percentiles of one case's samples, in milliseconds. Percentiles are nearest-rank: p95 of 30
 * samples is the 29th smallest, always a value that was measured, never an interpolation.
 */
public record Summary(int n, double p50, double p95, double max, double mean) {

    /** The summary of {@code samples}; an empty list gives n = 0 and NaN everywhere else. */
    public static Summary of(List<Double> samples) {
        if (samples.isEmpty()) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        double sum = 0;
        for (double s : sorted) {
            sum += s;
        }
        return new Summary(sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1),
                sum / sorted.size());
    }

    /** The nearest-rank percentile {@code p} (in 0..100] of an ascending list. */
    public static double percentile(List<Double> ascending, double p) {
        if (ascending.isEmpty()) {
            throw new IllegalArgumentException("no samples to take percentile " + p + " of");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("'p' must be in (0, 100], was " + p);
        }
        int rank = (int) Math.ceil(p / 100 * ascending.size());
        return ascending.get(Math.max(0, rank - 1));
    }

    /** The median of {@code samples} (nearest rank), or NaN when there are none. */
    public static double median(List<Double> samples) {
        return of(samples).p50();
    }
}
