package dev.hotframe.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The measured samples of one edit on one project through Hotframe: totals and per-phase times, in ms. */
public final class LatencyCase {

    private final String project;
    private final String edit;
    private final String expectedTier;
    private final Set<String> tiersSeen = new LinkedHashSet<>();
    private final List<Double> totals = new ArrayList<>();
    private final Map<String, List<Double>> phases = new LinkedHashMap<>();

    public LatencyCase(String project, String edit, String expectedTier) {
        this.project = project;
        this.edit = edit;
        this.expectedTier = expectedTier;
    }

    public void add(String tier, double totalMs, Map<String, Double> phaseMs) {
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

    public String expectedTier() {
        return expectedTier;
    }

    /** The tiers the viewer reported, joined; the expected one alone when all matched. */
    public String tiers() {
        return String.join("+", tiersSeen);
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
