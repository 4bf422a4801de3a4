package dev.hotframe.bench.live;

import dev.hotframe.bench.report.LatencyCase;
import java.util.List;

/** What one project's Hotframe run measured: start-up times and one case per edit. */
public record ProjectRun(String project, int javaFiles, long serverReadyMs, long viewerFirstFrameMs,
                         List<LatencyCase> cases) {

    public ProjectRun {
        cases = List.copyOf(cases);
    }
}
