package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.bench.drill.Drill;
import dev.hotframe.bench.drill.DrillReport;
import dev.hotframe.bench.drill.Row;
import dev.hotframe.bench.live.Jars;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bin/fault-drill}'s engine, in-process, on a copy of the sample app with the real dev server and
 * headless viewer as processes: three fast rows, one per kind of update (app code, scene, asset).
 */
@Timeout(300)
class FaultDrillIT {

    private static final List<String> ONLY = List.of("exit-in-render", "scene-bad-json", "png-truncated");

    @Test
    void exitInRenderABadSceneAndACutPngAreShownAndRecoveredWithTheViewerAliveAndTheStateKept() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        DrillReport report = new Drill(Jars.live(Checkout.ROOT), null, ONLY, false).run(progress::add);
        String seen = report.table() + "\n" + report.notes() + "\nprogress:\n" + String.join("\n", progress);

        assertThat(report.rows()).as(seen).extracting(Row::name).containsExactlyElementsOf(ONLY);
        assertThat(report.rows()).as(seen).noneMatch(Row::wasSkipped).allMatch(Row::passes);
        assertThat(report.summary()).as(seen).isEqualTo("3 of 3 edits pass; state field watched: frames (grows by itself)");
        assertThat(report.table()).as(seen).isEqualTo("""
                edit                                         viewer alive  failure shown  recovered  state kept
                System.exit(3) in render                              yes            yes        yes         yes
                scene that is not JSON                                yes            yes        yes         yes
                PNG cut to half its bytes (assets/logo.png)           yes            yes        yes         yes
                """);
        assertThat(report.passes()).isTrue();
    }
}
