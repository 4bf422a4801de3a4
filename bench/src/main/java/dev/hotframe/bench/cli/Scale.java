package dev.hotframe.bench.cli;

import dev.hotframe.bench.report.Table;
import dev.hotframe.bench.scale.FanOutRun;
import dev.hotframe.bench.scale.LeakRun;

/** The memory and fan-out tables. */
final class Scale {

    private Scale() {
    }

    static Table leak(LeakRun.Result r) {
        double heap = r.after().heapMb() - r.before().heapMb();
        double meta = r.after().metaspaceMb() - r.before().metaspaceMb();
        return new Table("reloads", "heap MB before -> after", "metaspace MB before -> after", "retained MB (target < 10)",
                "reload p50 ms")
                .row(Integer.toString(r.reloads()), String.format("%.1f -> %.1f", r.before().heapMb(), r.after().heapMb()),
                        String.format("%.1f -> %.1f", r.before().metaspaceMb(), r.after().metaspaceMb()),
                        String.format("%+.2f", heap + meta), Table.ms(r.p50Ms()));
    }

    static Table fanOut(FanOutRun.Result r) {
        return new Table("viewers", "updates", "first applied p50", "last applied p50", "last - first p50 (target <= 25)",
                "last - first max", "last rendered p50", "CPU per viewer per update", "idle CPU, all viewers",
                "viewers' RSS MB", "note")
                .row(Integer.toString(r.viewers()), Integer.toString(r.updates()), Table.ms(r.firstAppliedMs()),
                        Table.ms(r.lastAppliedMs()), Table.ms(r.spreadP50Ms()), Table.ms(r.spreadMaxMs()),
                        Table.ms(r.lastRenderedMs()), Table.ms(r.cpuPerViewerMs()),
                        String.format("%.0f%% of a core", r.idleCpuPercent()), String.format("%.0f", r.rssMb()), r.note().isEmpty() ? "-" : r.note());
    }
}
