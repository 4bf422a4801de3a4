package dev.hotframe.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole run's results: titled tables printed to the terminal and written as markdown, and the
 * raw samples as JSON so that a later reading can compute anything the tables leave out.
 */
public final class Report {

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final List<Map.Entry<String, Table>> tables = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> json = new LinkedHashMap<>();

    /** A line of the header: machine, JDK, command, load. */
    public Report fact(String name, Object value) {
        header.put(name, value);
        return this;
    }

    public Report table(String title, Table table) {
        tables.add(Map.entry(title, table));
        return this;
    }

    public Report note(String note) {
        notes.add(note);
        return this;
    }

    /** Raw data for the JSON file under {@code key}. */
    public Report data(String key, Object value) {
        json.put(key, value);
        return this;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        header.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        for (Map.Entry<String, Table> t : tables) {
            out.append('\n').append(t.getKey()).append('\n').append(t.getValue().text());
        }
        notes.forEach(n -> out.append('\n').append(n));
        return out.append('\n').toString();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        header.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        for (Map.Entry<String, Table> t : tables) {
            out.append("\n**").append(t.getKey()).append("**\n\n").append(t.getValue().markdown());
        }
        notes.forEach(n -> out.append('\n').append(n).append('\n'));
        return out.toString();
    }

    /** Writes {@code stem.md} and {@code stem.json}; returns the markdown file. */
    public Path write(Path dir, String stem) throws IOException {
        Files.createDirectories(dir);
        Path md = dir.resolve(stem + ".md");
        Files.writeString(md, markdown());
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("header", header);
        all.putAll(json);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(stem + ".json").toFile(), all);
        return md;
    }
}
