package dev.hotframe.bench.cli;

import dev.hotframe.bench.live.ProjectRun;
import dev.hotframe.bench.report.Table;
import java.util.List;

/** The start-up table: dev server ready (initial build included) and viewer first frame, per project. */
final class Startup {

    private Startup() {
    }

    static Table table(List<ProjectRun> runs) {
        Table table = new Table("project", "java files", "server ready", "viewer first frame");
        for (ProjectRun r : runs) {
            table.row(r.project(), String.format("%,d", r.javaFiles()), Table.ms(r.serverReadyMs()),
                    Table.ms(r.viewerFirstFrameMs()));
        }
        return table;
    }
}
