package dev.hotframe.bench.drill;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.testing.HeadlessOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Runs one hostile edit on the live project and judges it: the edit is saved, its update line
 * awaited, the app left to run with it a moment, then the original saved again (the good edit)
 * and its recovery awaited. The four checks:
 * <ul>
 * <li>viewer alive: the viewer process is running after the hostile edit and after the recovery;</li>
 * <li>failure shown: the hostile edit's update line says {@code ok:false} with an error that names
 *     what happened, or carries a warning that does;</li>
 * <li>recovered: an {@code ok:true} line follows the good edit, and the app runs again (its
 *     growing state field grows);</li>
 * <li>state kept: the watched state field after recovery keeps its value from before the edit.</li>
 * </ul>
 */
final class EditRun {

    static final Duration HOSTILE_WAIT = Duration.ofSeconds(30);
    static final Duration RECOVERY_WAIT = Duration.ofSeconds(60);
    /** How long the app runs with the hostile edit after its line, so that what it does per frame adds up. */
    static final Duration EXPOSURE = Duration.ofMillis(1500);
    static final Duration GROWTH_WAIT = Duration.ofSeconds(10);

    private final LiveProject live;
    private final ProjectLayout project;
    private final StateProbe probe;

    EditRun(LiveProject live, ProjectLayout project, StateProbe probe) {
        this.live = live;
        this.project = project;
        this.probe = probe;
    }

    Row run(HostileEdit edit) throws IOException {
        String label = HostileEdits.label(edit, project);
        Prepared prepared = edit.prepare(project);
        if (prepared instanceof Prepared.Skipped skipped) {
            return Row.skipped(edit.name(), label, skipped.reason());
        }
        FileChange change = ((Prepared.Ready) prepared).change();
        HeadlessOutput out = live.output();
        long before = out.lastSeq();
        OptionalDouble stateBefore = probe.read(out);

        change.apply();
        JsonNode hostile = await(out, u -> u.path("seq").asLong() > before, HOSTILE_WAIT);
        if (hostile != null) {
            LockSupport.parkNanos(EXPOSURE.toNanos());
        }
        boolean aliveAfterEdit = live.viewerAlive();
        long afterHostile = out.lastSeq();
        Verdict shown = shown(edit, hostile, aliveAfterEdit);

        change.revert();
        if (!aliveAfterEdit) {
            Verdict notRun = Verdict.notRun("the viewer had exited");
            return new Row(edit.name(), label, Verdict.fail("the viewer process exited (see its viewer.log)"), shown,
                    notRun, notRun, null);
        }
        JsonNode recovery = await(out, u -> u.path("seq").asLong() > afterHostile && u.path("ok").asBoolean(), RECOVERY_WAIT);
        OptionalDouble stateAfter = probe.read(out);
        if (edit.shownOnRevert() && !shown.passes()) {
            shown = shownOnRevert(edit, lines(out, afterHostile), shown);
        }
        Verdict recovered = recovered(out, recovery, afterHostile, stateAfter);
        Verdict kept = recovery == null ? Verdict.notRun("no recovery") : kept(stateBefore, stateAfter);
        Verdict alive = live.viewerAlive() ? Verdict.pass("running")
                : Verdict.fail("the viewer process exited during the recovery (see its viewer.log)");
        return new Row(edit.name(), label, alive, shown, recovered, kept, null);
    }

    private Verdict shown(HostileEdit edit, JsonNode line, boolean alive) {
        if (line == null) {
            return Verdict.fail("no update line within " + HOSTILE_WAIT.toSeconds() + " s"
                    + (alive ? "" : " (the viewer exited)"));
        }
        String error = text(line, "error");
        String warnings = warnings(line);
        String seq = "#" + line.path("seq").asLong() + " " + line.path("tier").asText() + ": ";
        if (!line.path("ok").asBoolean() && !error.isBlank()) {
            return Verdict.of(edit.meaningful(error, project), seq + "ok:false: " + firstLine(error)
                    + (edit.meaningful(error, project) ? "" : " (does not name what happened)"));
        }
        if (!warnings.isBlank()) {
            return Verdict.of(edit.meaningful(warnings, project), seq + "warning: " + firstLine(warnings));
        }
        return Verdict.fail(seq + "ok:" + line.path("ok").asBoolean() + ", no error and no warning");
    }

    private Verdict shownOnRevert(HostileEdit edit, List<JsonNode> lines, Verdict before) {
        for (JsonNode line : lines) {
            String warnings = warnings(line);
            if (!warnings.isBlank() && edit.meaningful(warnings, project)) {
                return Verdict.pass("#" + line.path("seq").asLong() + " (the good edit): warning: " + firstLine(warnings));
            }
        }
        return Verdict.fail(before.detail() + "; the good edit's update had no warning either");
    }

    private Verdict recovered(HeadlessOutput out, JsonNode recovery, long afterHostile, OptionalDouble stateAfter) {
        if (recovery == null) {
            List<JsonNode> lines = lines(out, afterHostile);
            return Verdict.fail("no ok:true update within " + RECOVERY_WAIT.toSeconds() + " s of the good edit"
                    + (lines.isEmpty() ? " (no update at all)" : "; last: #" + lines.get(lines.size() - 1).path("seq").asLong()
                    + " " + firstLine(text(lines.get(lines.size() - 1), "error"))));
        }
        String seq = "#" + recovery.path("seq").asLong() + " " + recovery.path("tier").asText() + " ok:true";
        if (!probe.advancing()) {
            return Verdict.pass(seq + " (no growing state field to see the app run)");
        }
        double from = stateAfter.orElse(-1);
        return probe.growsPast(out, from, GROWTH_WAIT)
                ? Verdict.pass(seq + ", " + probe.field() + " grows again")
                : Verdict.fail(seq + ", but " + probe.field() + " stays at " + number(from) + " for "
                        + GROWTH_WAIT.toSeconds() + " s: the app does not run");
    }

    private Verdict kept(OptionalDouble before, OptionalDouble after) {
        if (!probe.checks()) {
            return Verdict.notApplicable("state.json has no numeric field to compare");
        }
        if (before.isEmpty() || after.isEmpty()) {
            return Verdict.fail("could not read " + probe.field() + " from state.json "
                    + (before.isEmpty() ? "before the edit" : "after the recovery"));
        }
        String change = probe.field() + " " + number(before.getAsDouble()) + " -> " + number(after.getAsDouble());
        return probe.kept(before.getAsDouble(), after.getAsDouble())
                ? Verdict.pass(change)
                : Verdict.fail(change + (probe.advancing() ? ": the state was reset" : ": the value changed"));
    }

    private JsonNode await(HeadlessOutput out, Predicate<JsonNode> matches, Duration timeout) {
        try {
            return out.awaitUpdate(matches, "update", timeout, () -> !live.viewerAlive());
        } catch (AssertionError e) {
            return null;
        }
    }

    private static List<JsonNode> lines(HeadlessOutput out, long after) {
        try {
            return out.updates().stream().filter(u -> u.path("seq").asLong() > after).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String warnings(JsonNode line) {
        StringBuilder all = new StringBuilder();
        line.path("warnings").forEach(w -> all.append(all.length() == 0 ? "" : "; ").append(w.asText()));
        return all.toString();
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.path(field);
        return value.isTextual() ? value.textValue() : "";
    }

    static String firstLine(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        return first.length() > 160 ? first.substring(0, 157) + "..." : first;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
