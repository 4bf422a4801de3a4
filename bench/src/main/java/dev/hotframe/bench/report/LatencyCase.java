package dev.hotframe.bench.report;

import dev.hotframe.wire.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The measured samples of one edit on one project through Hotframe: totals and per-phase times, in ms. */
public final class LatencyCase {

    private final String project;
    private final String edit;
    private final Tier expectedTier;
    private final Set<Tier> tiersSeen = new LinkedHashSet<>();
    private final List<Double> totals = new ArrayList<>();
    private final Map<String, List<Double>> phases = new LinkedHashMap<>();

    public LatencyCase(String project, String edit, Tier expectedTier) {
        this.project = project;
        this.edit = edit;
        this.expectedTier = expectedTier;
    }

    public void add(Tier tier, double totalMs, Map<String, Double> phaseMs) {
        tiersSeen.add(tier);
        totals.add(totalMs);
        phaseMs.forEach((k, v) -> phases.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }

    public String project() {
        return project;
    }

    public String edit() {
        return edit;
    }

    public Tier expectedTier() {
        return expectedTier;
    }

    /** The tiers the viewer reported, joined; the expected one alone when all matched. */
    public String tiers() {
        return tiersSeen.stream().map(Tier::toString).collect(Collectors.joining("+"));
    }

    public List<Double> totals() {
        return List.copyOf(totals);
    }

    public Summary summary() {
        return Summary.of(totals);
    }

    /** The median of a phase, or NaN when this case never had it (a scene edit has no compile). */
    public double phaseMedian(String phase) {
        List<Double> values = phases.get(phase);
        return values == null ? Double.NaN : Summary.median(values);
    }

    public Map<String, List<Double>> phases() {
        return phases;
    }

    /** The raw samples for the JSON file. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("project", project);
        out.put("edit", edit);
        out.put("expectedTier", expectedTier);
        out.put("tiers", tiers());
        out.put("summary", summary());
        out.put("totalsMs", totals);
        out.put("phasesMs", phases);
        return out;
    }
}
