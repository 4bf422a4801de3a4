package dev.hotframe.scene;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${path}} placeholders in scene values against the app state, e.g.
 * {@code "Score: ${score}"} or {@code "${player.name}"}.
 */
public final class Bindings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");

    private Bindings() {
    }

    /** Returns whether {@code text} contains at least one placeholder. */
    public static boolean isBinding(String text) {
        return text != null && PLACEHOLDER.matcher(text).find();
    }

    /** Returns whether {@code text} is exactly one placeholder, so that it may bind a non-text value. */
    public static String wholePath(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * Replaces every placeholder with {@code lookup.apply(path)}; a path the lookup does not know
     * (it returns null) becomes {@code ⟨path?⟩} so that the miss is visible on screen.
     */
    public static String interpolate(String text, Function<String, Object> lookup) {
        Matcher m = PLACEHOLDER.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            Object value = lookup.apply(m.group(1));
            String shown = value == null ? "\u27e8" + m.group(1) + "?\u27e9" : format(value);
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static String format(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (value instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.2f", d);
        }
        return String.valueOf(value);
    }
}
