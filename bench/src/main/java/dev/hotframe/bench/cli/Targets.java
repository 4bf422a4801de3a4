package dev.hotframe.bench.cli;

import dev.hotframe.bench.report.BaselineCase;
import dev.hotframe.bench.report.LatencyCase;
import dev.hotframe.bench.report.Table;
import dev.hotframe.bench.scale.FanOutRun;
import dev.hotframe.bench.scale.LeakRun;
import java.util.List;
import java.util.Optional;

/** Issue 9's targets against what this run measured; a target whose part did not run is left out. */
final class Targets {

    private static final String SAMPLE = "sample app";

    private Targets() {
    }

    static Table table(List<LatencyCase> cases, List<BaselineCase> baselines, LeakRun.Result leak, FanOutRun.Result fanOut) {
        Table table = new Table("target", "measured", "met");
        find(cases, SAMPLE, "scene property").ifPresent(c -> table.row("scene edit p50 <= 15 ms, p95 <= 30 ms",
                Table.ms(c.summary().p50()) + " / " + Table.ms(c.summary().p95()),
                met(c.summary().p50() <= 15 && c.summary().p95() <= 30)));
        Optional<LatencyCase> method = find(cases, SAMPLE, "method body");
        method.ifPresent(c -> table.row("method body (sample app) p50 <= 60 ms, p95 <= 120 ms",
                Table.ms(c.summary().p50()) + " / " + Table.ms(c.summary().p95()),
                met(c.summary().p50() <= 60 && c.summary().p95() <= 120)));
        Optional<LatencyCase> largest = cases.stream().filter(c -> c.edit().equals("method body") && !c.project().equals(SAMPLE))
                .reduce((a, b) -> b);
        if (method.isPresent() && largest.isPresent()) {
            double ratio = largest.get().summary().p50() / method.get().summary().p50();
            table.row("method body, " + largest.get().project() + " <= 1.5x sample app (target is at 5,000 files)",
                    String.format("%.2fx", ratio), met(ratio <= 1.5));
        }
        find(cases, SAMPLE, "added field").ifPresent(c -> table.row("added field (reload) p50 <= 80 ms",
                Table.ms(c.summary().p50()), met(c.summary().p50() <= 80)));
        for (BaselineCase b : baselines) {
            if (b.project().equals(SAMPLE) && b.edit().equals("method body") && method.isPresent()) {
                double ratio = b.mvn().p50() / method.get().summary().p50();
                table.row("naive loop / Hotframe, method body >= 40x", String.format("%.1fx", ratio), met(ratio >= 40));
            }
        }
        if (leak != null) {
            double retained = leak.after().heapMb() - leak.before().heapMb() + leak.after().metaspaceMb()
                    - leak.before().metaspaceMb();
            table.row("retained after " + leak.reloads() + " structural reloads < 10 MB (target is at 500)",
                    String.format("%+.2f MB", retained), met(retained < 10));
        }
        if (fanOut != null) {
            table.row(fanOut.viewers() + " viewers: last applied after the first <= 25 ms (p50; target is at 50)",
                    Table.ms(fanOut.spreadP50Ms()) + " ms", met(fanOut.spreadP50Ms() <= 25));
        }
        return table;
    }

    private static Optional<LatencyCase> find(List<LatencyCase> cases, String project, String edit) {
        return cases.stream().filter(c -> c.project().equals(project) && c.edit().equals(edit) && c.summary().n() > 0)
                .findFirst();
    }

    private static String met(boolean met) {
        return met ? "yes" : "NO";
    }
}
