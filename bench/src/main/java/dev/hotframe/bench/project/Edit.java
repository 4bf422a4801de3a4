package dev.hotframe.bench.project;

import dev.hotframe.wire.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * One kind of real edit to one file of a project, and the reload tier it should land in. Round
 * {@code i} of an edit rewrites the file from its current text, so edits can repeat forever:
 * a toggle flips between two values, an insertion adds a new numbered line each time.
 */
public record Edit(String name, Tier tier, Path file, BiFunction<String, Integer, String> change) {

    /** Flips between {@code a} and {@code b} (b is looked for first, so b may contain a). */
    public static Edit toggle(String name, Tier tier, Path file, String a, String b) {
        return new Edit(name, tier, file, (text, round) -> {
            if (text.contains(b)) {
                return text.replaceFirst(java.util.regex.Pattern.quote(b), java.util.regex.Matcher.quoteReplacement(a));
            }
            if (text.contains(a)) {
                return text.replaceFirst(java.util.regex.Pattern.quote(a), java.util.regex.Matcher.quoteReplacement(b));
            }
            throw new IllegalStateException("edit '" + name + "': " + file + " contains neither '" + a + "' nor '" + b + "'");
        });
    }

    /** Inserts {@code template} (with every {@code %d} replaced by the round) after the first {@code anchor}. */
    public static Edit insertAfter(String name, Tier tier, Path file, String anchor, String template) {
        return new Edit(name, tier, file, (text, round) -> {
            int at = text.indexOf(anchor);
            if (at < 0) {
                throw new IllegalStateException("edit '" + name + "': " + file + " has no line '" + anchor.strip() + "'");
            }
            int end = at + anchor.length();
            return text.substring(0, end) + template.replace("%d", Integer.toString(round)) + text.substring(end);
        });
    }

    /** The file's text after round {@code round}, computed from its current text without writing. */
    public String next(int round) throws IOException {
        return change.apply(Files.readString(file), round);
    }
}
