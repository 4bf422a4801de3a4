package dev.hotframe.viewer.render;

import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Font;
import io.github.humbleui.skija.Paint;
import dev.hotframe.wire.Diagnostic;
import io.github.humbleui.types.RRect;
import java.util.ArrayList;
import java.util.List;

/**
 * Drawn over the app: a panel for compile, scene and runtime errors (the app's last good frame
 * stays visible behind it) with the source line under each diagnostic, warnings, and a short
 * toast after each reload that fades out. F1 hides it. Toasts are left out of recorded frames,
 * like the HUD: they carry timings, and recorded frames must be the same in every run.
 */
public final class Overlay {

    /** A toast stays for two seconds, then fades out over half a second. */
    private static final long TOAST_MS = 2500;
    private static final long FADE_MS = 500;

    private final Fonts fonts;
    private List<Line> problems = List.of();
    private String problemTitle = "";
    private String runtimeError;
    private List<String> warnings = List.of();
    private String toast;
    private long toastUntilMs;
    private boolean visible = true;
    private final boolean toasts;

    /** {@code toasts}: whether reload toasts are drawn (in a window; not in recorded frames). */
    public Overlay(Fonts fonts, boolean toasts) {
        this.fonts = fonts;
        this.toasts = toasts;
    }

    /** Shows {@code lines} (file:line:column: message) under {@code title}; an empty list hides the panel. */
    public void problems(String title, List<String> lines) {
        problemTitle = title;
        problems = lines.stream().flatMap(String::lines).map(text -> new Line(text, false)).toList();
    }

    /** A line of the panel; {@code code} lines are source excerpts, drawn in a monospaced font and never wrapped. */
    private record Line(String text, boolean code) {
    }

    /**
     * Shows each diagnostic as {@code file:line:column: message} followed by its source line
     * and a caret under the column, where the diagnostic carries one; an empty list hides the panel.
     */
    public void diagnostics(String title, List<Diagnostic> diagnostics) {
        List<Line> lines = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            d.toString().lines().forEach(text -> lines.add(new Line(text, false)));
            if (d.sourceLine() != null && !d.sourceLine().isBlank()) {
                String gutter = "  " + d.line() + " | ";
                String source = d.sourceLine().replace('\t', ' ');
                lines.add(new Line(gutter + source, true));
                if (d.column() > 0 && d.column() <= source.length() + 1) {
                    lines.add(new Line(" ".repeat(gutter.length() - 2) + "| " + " ".repeat((int) d.column() - 1) + "^", true));
                }
            }
        }
        problemTitle = title;
        problems = List.copyOf(lines);
    }

    /** Shows the app's latest exception, or hides it with null. */
    public void runtimeError(String error) {
        runtimeError = error;
    }

    public void warnings(List<String> lines) {
        warnings = List.copyOf(lines);
    }

    /** Shows {@code text} in the corner for a moment. */
    public void toast(String text, long nowMs) {
        toast = text;
        toastUntilMs = nowMs + TOAST_MS;
    }

    public void toggle() {
        visible = !visible;
    }

    public void draw(Canvas canvas, int width, int height, long nowMs) {
        if (!visible) {
            return;
        }
        List<Line> lines = new ArrayList<>();
        String title = null;
        if (!problems.isEmpty()) {
            title = problemTitle;
            lines.addAll(problems);
        } else if (runtimeError != null) {
            title = "Runtime error (showing the last good frame)";
            for (String line : runtimeError.split("\n")) {
                lines.add(new Line(line, false));
            }
        }
        if (title != null) {
            panel(canvas, width, height, title, lines, 0xF0401018, 0xFFFF8A80);
        } else if (!warnings.isEmpty()) {
            panel(canvas, width, height, "Warnings", warnings.stream().flatMap(String::lines).map(w -> new Line(w, false)).toList(),
                    0xE0403510, 0xFFFFD54F);
        }
        if (toasts && toast != null && nowMs < toastUntilMs) {
            Font font = fonts.font(13, false);
            float w = font.measureTextWidth(toast) + 20;
            float alpha = Math.min(1f, (toastUntilMs - nowMs) / (float) FADE_MS);
            try (Paint bg = new Paint().setColor(fade(0xD0202830, alpha)); Paint fg = new Paint().setColor(fade(0xFFE0F0FF, alpha))) {
                canvas.drawRRect(RRect.makeXYWH(width - w - 10, 10, w, 26, 6), bg);
                canvas.drawString(toast, width - w, 28, font, fg);
            }
        }
    }

    private static int fade(int argb, float alpha) {
        int a = Math.round((argb >>> 24) * alpha);
        return (a << 24) | (argb & 0xFFFFFF);
    }

    private void panel(Canvas canvas, int width, int height, String title, List<Line> lines, int background, int accent) {
        Font titleFont = fonts.font(15, true);
        Font body = fonts.font(13, false);
        Font code = fonts.mono(13);
        List<Line> shown = new ArrayList<>();
        for (Line line : lines) {
            if (line.code()) {
                shown.add(line);
            } else {
                wrap(line.text(), body, width - 48).forEach(text -> shown.add(new Line(text, false)));
            }
        }
        int max = Math.max(1, (height / 2 - 50) / 18);
        if (shown.size() > max) {
            int more = shown.size() - max + 1;
            shown.subList(max - 1, shown.size()).clear();
            shown.add(new Line("... and " + more + " more lines", false));
        }
        float panelHeight = 44 + shown.size() * 18;
        float top = height - panelHeight - 12;
        try (Paint bg = new Paint().setColor(background); Paint head = new Paint().setColor(accent);
             Paint text = new Paint().setColor(0xFFF5F5F5); Paint codeText = new Paint().setColor(0xFFFFE0B2)) {
            canvas.drawRRect(RRect.makeXYWH(12, top, width - 24, panelHeight, 8), bg);
            canvas.drawString(title, 24, top + 24, titleFont, head);
            float y = top + 46;
            canvas.save();
            canvas.clipRect(io.github.humbleui.types.Rect.makeXYWH(12, top, width - 24, panelHeight));
            for (Line line : shown) {
                canvas.drawString(line.text(), 24, y, line.code() ? code : body, line.code() ? codeText : text);
                y += 18;
            }
            canvas.restore();
        }
    }

    /**
     * Breaks {@code line} to fit {@code maxWidth}: after the last space, or else after the last
     * '.', ',', '/', '(' or ':' that fits, so that names and paths break where a reader expects;
     * only a run with none of them is cut where it must be. Continuation lines are indented.
     */
    static List<String> wrap(String line, Font font, float maxWidth) {
        List<String> out = new ArrayList<>();
        String rest = line.replace('\t', ' ');
        while (font.measureTextWidth(rest) > maxWidth && rest.length() > 10) {
            int fits = rest.length() - 1;
            while (fits > 10 && font.measureTextWidth(rest.substring(0, fits)) > maxWidth) {
                fits -= Math.max(1, fits / 10);
            }
            while (fits < rest.length() - 1 && font.measureTextWidth(rest.substring(0, fits + 1)) <= maxWidth) {
                fits++;
            }
            int cut = breakBefore(rest, fits);
            out.add(rest.substring(0, cut).stripTrailing());
            rest = "    " + rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }

    /** Where to break a line of which {@code fits} characters fit: past the last space or punctuation among them. */
    private static int breakBefore(String text, int fits) {
        int space = text.lastIndexOf(' ', fits);
        if (space > 4) {
            return space + 1;
        }
        for (int i = fits - 1; i > 4; i--) {
            if (".,/(:".indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return fits;
    }
}
