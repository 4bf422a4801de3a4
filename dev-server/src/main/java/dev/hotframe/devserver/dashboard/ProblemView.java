package dev.hotframe.devserver.dashboard;

import dev.hotframe.wire.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a problem into what the dashboard shows: the message, a few lines of the source around
 * it, and a link that opens the file at that line in the user's editor, from a template such
 * as {@code vscode://file/{file}:{line}:{column}}. Runtime errors from viewers name app frames
 * like {@code at demo.Clear.render(Clear.java:24)}; the first one found in the sources is linked.
 */
final class ProblemView {

    private static final Logger log = LoggerFactory.getLogger(ProblemView.class);
    private static final Pattern FRAME = Pattern.compile("at ([\\w$.]+)\\.[\\w$<>]+\\(([\\w$]+\\.java):(\\d+)\\)");
    private static final int CONTEXT = 2;

    private final Path root;
    private final Path sources;
    private final String editorUrl;

    /** @param editorUrl a template with {@code {file}}, {@code {line}} and {@code {column}}, or null for no links */
    ProblemView(Path root, Path sources, String editorUrl) {
        this.root = root;
        this.sources = sources;
        this.editorUrl = editorUrl;
    }

    Map<String, Object> of(String kind, Diagnostic d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind);
        out.put("file", d.file());
        out.put("line", d.line());
        out.put("column", d.column());
        out.put("message", d.message());
        Path file = root.resolve(d.file()).normalize();
        out.put("excerpt", file.startsWith(root) ? excerpt(file, d.line()) : List.of());
        out.put("link", link(file, d.line(), d.column()));
        return out;
    }

    /** A viewer's runtime error (an exception text with app frames), linked to its first frame in the sources. */
    Map<String, Object> runtime(String viewer, String error) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "runtime");
        out.put("viewer", viewer);
        out.put("message", error);
        Matcher m = FRAME.matcher(error);
        while (m.find()) {
            String className = m.group(1);
            int dot = className.lastIndexOf('.');
            Path file = sources.resolve((dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/") + m.group(2));
            if (Files.isRegularFile(file)) {
                long line = Long.parseLong(m.group(3));
                out.put("file", root.relativize(file).toString().replace('\\', '/'));
                out.put("line", line);
                out.put("column", 0);
                out.put("excerpt", excerpt(file, line));
                out.put("link", link(file, line, 1));
                break;
            }
        }
        return out;
    }

    private String link(Path file, long line, long column) {
        if (editorUrl == null || editorUrl.isBlank()) {
            return null;
        }
        return editorUrl.replace("{file}", file.toAbsolutePath().toString().replace('\\', '/'))
                .replace("{line}", Long.toString(Math.max(1, line)))
                .replace("{column}", Long.toString(Math.max(1, column)));
    }

    /** The lines around {@code line} (1-based) with their numbers; empty when the file cannot be read. */
    static List<Map<String, Object>> excerpt(Path file, long line) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (line <= 0) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (long n = Math.max(1, line - CONTEXT); n <= Math.min(lines.size(), line + CONTEXT); n++) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("line", n);
                l.put("text", lines.get((int) n - 1));
                l.put("here", n == line);
                out.add(l);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("no excerpt of {}: {}; the message is shown alone", file, e.toString());
        }
        return out;
    }
}
