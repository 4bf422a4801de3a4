package dev.hotframe.bench.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DrillReportTest {

    private static final Verdict YES = Verdict.pass("seen");

    @Test
    void aFailingCheckOrASkippedRowFailsTheDrillAndTheNotesSayWhy() {
        Row passing = new Row("exit-in-render", "System.exit(3) in render", YES, YES, YES, YES, null);
        Row failing = new Row("thread-per-frame", "a thread started every frame", YES,
                Verdict.fail("#11 reload: ok:true, no error and no warning"), YES,
                Verdict.notApplicable("state.json has no numeric field to compare"), null);
        Row skipped = Row.skipped("loop-in-render", "endless loop in render", "could not find render(...) in App.java");
        DrillReport report = new DrillReport(List.of(passing, failing, skipped), new StateProbe("frames", true, 30));

        assertThat(report.passes()).isFalse();
        assertThat(new DrillReport(List.of(passing), StateProbe.NONE).passes()).isTrue();
        assertThat(new DrillReport(List.of(skipped), StateProbe.NONE).passes()).isFalse();
        assertThat(report.table()).isEqualTo("""
                edit                          viewer alive  failure shown  recovered  state kept
                System.exit(3) in render               yes            yes        yes         yes
                a thread started every frame           yes             NO        yes         n/a
                endless loop in render             skipped              -          -           -
                """);
        assertThat(report.summary()).isEqualTo("1 of 3 edits pass; state field watched: frames (grows by itself)");
        assertThat(report.notes()).isEqualTo("""
                exit-in-render
                  viewer alive: yes - seen
                  failure shown: yes - seen
                  recovered: yes - seen
                  state kept: yes - seen
                thread-per-frame  (FAILS)
                  viewer alive: yes - seen
                  failure shown: NO - #11 reload: ok:true, no error and no warning
                  recovered: yes - seen
                  state kept: n/a - state.json has no numeric field to compare
                loop-in-render  (FAILS)
                  skipped: could not find render(...) in App.java
                """);
    }
}
