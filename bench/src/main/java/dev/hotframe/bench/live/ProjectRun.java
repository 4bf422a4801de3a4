package dev.hotframe.bench.live;

import dev.hotframe.bench.report.LatencyCase;
import java.util.List;

/**
 * What one project's Hotframe run measured: start-up times, the first edit (a method body, made
 * {@link LatencyRun#FIRST_EDIT_PAUSE_MS} ms after the viewer's first frame, as a user would), and
 * one case per edit.
 */
public record ProjectRun(String project, int javaFiles, long serverReadyMs, long viewerFirstFrameMs, long firstEditMs,
                         List<LatencyCase> cases) {

    public ProjectRun {
        cases = List.copyOf(cases);
    }
}
