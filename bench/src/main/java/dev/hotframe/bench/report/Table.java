package dev.hotframe.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A table of text cells that prints as aligned terminal columns or as a markdown table. */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.header = List.of(header);
    }

    /** Adds a row; it must have one cell per column. */
    public Table row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the table has " + header.size()
                    + " columns: " + String.join(" | ", cells));
        }
        rows.add(List.of(cells));
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** The markdown form: a header, a separator, one line per row; '|' in cells is escaped. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        out.append('|');
        for (int i = 0; i < header.size(); i++) {
            out.append("---|");
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(out, row);
        }
        return out.toString();
    }

    /** The terminal form: columns padded to their widest cell, the first left-aligned, the rest right-aligned. */
    public String text() {
        int[] widths = new int[header.size()];
        for (List<String> row : all()) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all()) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                out.append(i == 0 ? cell + pad : pad + cell);
                out.append(i == row.size() - 1 ? "\n" : "  ");
            }
        }
        return out.toString();
    }

    /** A number of milliseconds as a cell: whole numbers from 10 up, one decimal below, '-' for NaN. */
    public static String ms(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return Math.abs(value) >= 10 ? String.format("%,.0f", value) : String.format("%.1f", value);
    }

    private List<List<String>> all() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }
}
