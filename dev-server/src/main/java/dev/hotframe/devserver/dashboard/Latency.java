package dev.hotframe.devserver.dashboard;

import dev.hotframe.wire.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Save-to-frame latency per tier over the session: the time from the server seeing a change to
 * a viewer drawing it, as acks report it. Keeps the most recent samples per tier and gives
 * the p50 and p95 (nearest rank) for the dashboard's plot. Not thread-safe; the model guards it.
 */
final class Latency {

    static final int KEPT_PER_TIER = 1000;

    /** By the tier's name, the order the dashboard has always listed them in. */
    private final Map<Tier, List<Long>> samples = new TreeMap<>(Comparator.comparing(Tier::toString));

    void add(Tier tier, long millis) {
        List<Long> list = samples.computeIfAbsent(tier, t -> new ArrayList<>());
        list.add(Math.max(0, millis));
        if (list.size() > KEPT_PER_TIER) {
            list.remove(0);
        }
    }

    /** Per tier: {@code count}, {@code p50}, {@code p95}, {@code max} and the recent {@code samples} in order. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        samples.forEach((tier, list) -> {
            List<Long> sorted = list.stream().sorted().toList();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("count", sorted.size());
            d.put("p50", percentile(sorted, 50));
            d.put("p95", percentile(sorted, 95));
            d.put("max", sorted.get(sorted.size() - 1));
            d.put("samples", List.copyOf(list.subList(Math.max(0, list.size() - 200), list.size())));
            out.put(tier.toString(), d);
        });
        return out;
    }

    /** The nearest-rank percentile of sorted, non-empty values. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
