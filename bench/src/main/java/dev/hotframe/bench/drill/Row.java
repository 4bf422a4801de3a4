package dev.hotframe.bench.drill;

import java.util.List;

/** One hostile edit's line of the table: its four checks, or the reason it was skipped. */
public record Row(String name, String label, Verdict alive, Verdict shown, Verdict recovered, Verdict kept, String skipped) {

    static Row skipped(String name, String label, String reason) {
        Verdict none = Verdict.notRun("skipped");
        return new Row(name, label, none, none, none, none, reason);
    }

    /** Every check passed; a skipped row does not pass (the edit was not tried). */
    public boolean passes() {
        return skipped == null && checks().stream().allMatch(Verdict::passes);
    }

    public boolean wasSkipped() {
        return skipped != null;
    }

    List<Verdict> checks() {
        return List.of(alive, shown, recovered, kept);
    }
}
