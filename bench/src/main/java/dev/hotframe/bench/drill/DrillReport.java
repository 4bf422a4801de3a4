package dev.hotframe.bench.drill;

import dev.hotframe.bench.report.Table;
import java.util.List;

/** What a drill found: one row per hostile edit, and the table and notes it prints. */
public record DrillReport(List<Row> rows, StateProbe probe) {

    public DrillReport {
        rows = List.copyOf(rows);
    }

    /** Every row tried and passed. */
    public boolean passes() {
        return !rows.isEmpty() && rows.stream().allMatch(Row::passes);
    }

    /** The table: one line per edit, yes/NO per check ({@code -}: not checked, {@code n/a}: cannot apply). */
    public String table() {
        Table table = new Table("edit", "viewer alive", "failure shown", "recovered", "state kept");
        for (Row row : rows) {
            if (row.wasSkipped()) {
                table.row(row.label(), "skipped", "-", "-", "-");
            } else {
                table.row(row.label(), row.alive().cell(), row.shown().cell(), row.recovered().cell(), row.kept().cell());
            }
        }
        return table.text();
    }

    /** What each check saw, row by row: the evidence behind every cell. */
    public String notes() {
        StringBuilder out = new StringBuilder();
        for (Row row : rows) {
            out.append(row.name()).append(row.passes() ? "" : "  (FAILS)").append('\n');
            if (row.wasSkipped()) {
                out.append("  skipped: ").append(row.skipped()).append('\n');
                continue;
            }
            note(out, "viewer alive", row.alive());
            note(out, "failure shown", row.shown());
            note(out, "recovered", row.recovered());
            note(out, "state kept", row.kept());
        }
        return out.toString();
    }

    /** One line under the table. */
    public String summary() {
        long passed = rows.stream().filter(Row::passes).count();
        String watched = probe.checks() ? "state field watched: " + probe.field() + (probe.advancing() ? " (grows by itself)" : "")
                : "no numeric state field: state not checked";
        return passed + " of " + rows.size() + " edits pass; " + watched;
    }

    private static void note(StringBuilder out, String check, Verdict verdict) {
        out.append("  ").append(check).append(": ").append(verdict.cell()).append(" - ").append(verdict.detail()).append('\n');
    }
}
