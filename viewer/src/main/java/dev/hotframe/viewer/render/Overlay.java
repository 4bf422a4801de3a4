package dev.hotframe.viewer.render;

import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Font;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.types.RRect;
import java.util.ArrayList;
import java.util.List;

/**
 * Drawn over the app: a panel for compile, scene and runtime errors (the app's last good frame
 * stays visible behind it), warnings, and a short toast after each reload. F1 hides it.
 */
public final class Overlay {

    private static final long TOAST_MS = 2500;

    private final Fonts fonts;
    private List<String> problems = List.of();
    private String problemTitle = "";
    private String runtimeError;
    private List<String> warnings = List.of();
    private String toast;
    private long toastUntilMs;
    private boolean visible = true;

    public Overlay(Fonts fonts) {
        this.fonts = fonts;
    }

    /** Shows {@code lines} (file:line:column: message) under {@code title}; an empty list hides the panel. */
    public void problems(String title, List<String> lines) {
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
        List<String> lines = new ArrayList<>();
        String title = null;
        if (!problems.isEmpty()) {
            title = problemTitle;
            lines.addAll(problems);
        } else if (runtimeError != null) {
            title = "Runtime error (showing the last good frame)";
            lines.addAll(List.of(runtimeError.split("\n")));
        }
        if (title != null) {
            panel(canvas, width, height, title, lines, 0xF0401018, 0xFFFF8A80);
        } else if (!warnings.isEmpty()) {
            panel(canvas, width, height, "Warnings", warnings, 0xE0403510, 0xFFFFD54F);
        }
        if (toast != null && nowMs < toastUntilMs) {
            Font font = fonts.font(13, false);
            float w = font.measureTextWidth(toast) + 20;
            try (Paint bg = new Paint().setColor(0xD0202830); Paint fg = new Paint().setColor(0xFFE0F0FF)) {
                canvas.drawRRect(RRect.makeXYWH(width - w - 10, 10, w, 26, 6), bg);
                canvas.drawString(toast, width - w, 28, font, fg);
            }
        }
    }

    private void panel(Canvas canvas, int width, int height, String title, List<String> lines, int background, int accent) {
        Font titleFont = fonts.font(15, true);
        Font body = fonts.font(13, false);
        List<String> shown = new ArrayList<>();
        for (String line : lines) {
            shown.addAll(wrap(line, body, width - 48));
        }
        int max = Math.max(1, (height / 2 - 50) / 18);
        if (shown.size() > max) {
            int more = shown.size() - max + 1;
            shown = new ArrayList<>(shown.subList(0, max - 1));
            shown.add("... and " + more + " more lines");
        }
        float panelHeight = 44 + shown.size() * 18;
        float top = height - panelHeight - 12;
        try (Paint bg = new Paint().setColor(background); Paint head = new Paint().setColor(accent);
             Paint text = new Paint().setColor(0xFFF5F5F5)) {
            canvas.drawRRect(RRect.makeXYWH(12, top, width - 24, panelHeight, 8), bg);
            canvas.drawString(title, 24, top + 24, titleFont, head);
            float y = top + 46;
            for (String line : shown) {
                canvas.drawString(line, 24, y, body, text);
                y += 18;
            }
        }
    }

    private static List<String> wrap(String line, Font font, float maxWidth) {
        List<String> out = new ArrayList<>();
        String rest = line;
        while (font.measureTextWidth(rest) > maxWidth && rest.length() > 10) {
            int cut = rest.length() - 1;
            while (cut > 10 && font.measureTextWidth(rest.substring(0, cut)) > maxWidth) {
                cut -= Math.max(1, cut / 10);
            }
            out.add(rest.substring(0, cut));
            rest = "    " + rest.substring(cut);
        }
        out.add(rest);
        return out;
    }
}
