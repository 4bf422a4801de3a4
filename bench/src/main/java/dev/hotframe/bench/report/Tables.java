package dev.hotframe.bench.report;

import java.util.List;

/** The harness's tables, built from the measured cases; one method per table. */
public final class Tables {

    /** The phase columns, in the order the time is spent. */
    public static final List<String> PHASES = List.of("watch", "detect", "diff", "compile", "classify", "send", "apply",
            "render");

    private Tables() {
    }

    /** Edit to new pixels per case, with the median of every phase. */
    public static Table latency(List<LatencyCase> cases) {
        String[] header = new String[7 + PHASES.size()];
        String[] fixed = {"project", "edit", "tier", "n", "p50", "p95", "max"};
        System.arraycopy(fixed, 0, header, 0, fixed.length);
        for (int i = 0; i < PHASES.size(); i++) {
            header[fixed.length + i] = PHASES.get(i);
        }
        Table table = new Table(header);
        for (LatencyCase c : cases) {
            Summary s = c.summary();
            String[] row = new String[header.length];
            String[] cells = {c.project(), c.edit(), c.tiers(), Integer.toString(s.n()), Table.ms(s.p50()),
                Table.ms(s.p95()), Table.ms(s.max())};
            System.arraycopy(cells, 0, row, 0, cells.length);
            for (int i = 0; i < PHASES.size(); i++) {
                row[cells.length + i] = Table.ms(c.phaseMedian(PHASES.get(i)));
            }
            table.row(row);
        }
        return table;
    }

    /** The restart loops against Hotframe on the same edits: medians and the ratios of the medians. */
    public static Table baselines(List<LatencyCase> hotframe, List<BaselineCase> baselines) {
        Table table = new Table("project", "edit", "Hotframe p50", "mvn + restart p50 (n)", "of which mvn",
                "javac + restart p50 (n)", "of which javac", "naive / Hotframe", "javac / Hotframe");
        for (BaselineCase b : baselines) {
            double hot = hotframe.stream().filter(c -> c.project().equals(b.project()) && c.edit().equals(b.edit()))
                    .findFirst().map(c -> c.summary().p50()).orElse(Double.NaN);
            table.row(b.project(), b.edit(), Table.ms(hot), Table.ms(b.mvn().p50()) + " (" + b.mvn().n() + ")",
                    Table.ms(b.mvnCompileMedian()), Table.ms(b.javac().p50()) + " (" + b.javac().n() + ")",
                    Table.ms(b.javacCompileMedian()), ratio(b.mvn().p50(), hot), ratio(b.javac().p50(), hot));
        }
        return table;
    }

    /** "12.3x", or "-" when either side is missing or zero. */
    public static String ratio(double baseline, double hotframe) {
        if (Double.isNaN(baseline) || Double.isNaN(hotframe) || hotframe <= 0) {
            return "-";
        }
        return String.format("%.1fx", baseline / hotframe);
    }
}
