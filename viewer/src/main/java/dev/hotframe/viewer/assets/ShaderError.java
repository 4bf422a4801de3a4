package dev.hotframe.viewer.assets;

import dev.hotframe.wire.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Skia's SkSL compiler output ({@code "error: 3: unknown identifier 'colr'\n1 error\n"})
 * into diagnostics that name the shader file and line, with that line's source, as compile
 * errors of Java are shown.
 */
final class ShaderError {

    private static final Pattern LINE = Pattern.compile("^error: (\\d+): (.*)$", Pattern.MULTILINE);

    private ShaderError() {
    }

    static List<Diagnostic> parse(String file, String source, String skiaMessage) {
        String text = skiaMessage == null ? "" : skiaMessage;
        List<String> lines = source.lines().toList();
        List<Diagnostic> out = new ArrayList<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            int line = Integer.parseInt(m.group(1));
            String sourceLine = line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
            out.add(new Diagnostic(file, line, 0, "error", m.group(2).strip(), sourceLine));
        }
        if (out.isEmpty()) {
            String first = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("the shader did not compile");
            out.add(new Diagnostic(file, 0, 0, "error", first, null));
        }
        return out;
    }
}
