package dev.hotframe.bench.cli;

import dev.hotframe.bench.live.LatencyRun;
import dev.hotframe.bench.live.ProjectRun;
import dev.hotframe.bench.report.Table;
import java.util.List;

/** The start-up table: dev server ready (initial build included), viewer first frame and the first edit, per project. */
final class Startup {

    private Startup() {
    }

    static Table table(List<ProjectRun> runs) {
        Table table = new Table("project", "java files", "server ready", "viewer first frame",
                "first method-body edit, " + LatencyRun.FIRST_EDIT_PAUSE_MS / 1000 + " s later");
        for (ProjectRun r : runs) {
            table.row(r.project(), String.format("%,d", r.javaFiles()), Table.ms(r.serverReadyMs()),
                    Table.ms(r.viewerFirstFrameMs()), Table.ms(r.firstEditMs()));
        }
        return table;
    }
}
