package dev.hotframe.viewer.render;

import dev.hotframe.wire.Tier;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Font;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.types.RRect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The heads-up display: frame rate, frame time, backend, the last reload's phase timings and
 * the connection state, so that "is it slow, and where" can be read off the window. It also
 * writes the window title. Off by default headless, so golden frames stay deterministic.
 */
public final class Hud {

    private static final List<String> PHASE_ORDER = List.of("detect", "parse", "diff", "compile", "classify", "encode", "send");

    private final Fonts fonts;
    private boolean visible;
    private String backend = "";
    private String connection = "connecting";
    private String lastReload;
    private String lastReloadShort;
    private long lastFrameStart;
    private double fps;
    private double frameMs;

    public Hud(Fonts fonts, boolean visible) {
        this.fonts = fonts;
        this.visible = visible;
    }

    public void toggle() {
        visible = !visible;
    }

    public boolean visible() {
        return visible;
    }

    public void backend(String description) {
        backend = description;
    }

    public void connection(String state) {
        connection = state;
    }

    /** The last reload: its tier, the server's phases and the viewer's apply time, in milliseconds. */
    public void reloaded(Tier tier, boolean ok, Map<String, Long> serverPhasesMs, long applyMs) {
        List<String> phases = new ArrayList<>();
        long total = applyMs;
        List<Map.Entry<String, Long>> ordered = new ArrayList<>(serverPhasesMs.entrySet());
        ordered.sort(Comparator.comparingInt((Map.Entry<String, Long> e) -> rank(e.getKey())).thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, Long> phase : ordered) {
            phases.add(phase.getKey() + " " + phase.getValue());
            total += phase.getValue();
        }
        phases.add("apply " + applyMs);
        lastReloadShort = tier + (ok ? " " : " failed ") + total + " ms";
        lastReload = tier + (ok ? "" : " failed") + ": " + String.join(", ", phases) + " (" + total + " ms)";
    }

    private static int rank(String phase) {
        int at = PHASE_ORDER.indexOf(phase);
        return at < 0 ? PHASE_ORDER.size() : at;
    }

    /** Counts one frame that started at {@code startNanos} and took until {@code endNanos}. */
    public void frame(long startNanos, long endNanos) {
        double ms = (endNanos - startNanos) / 1e6;
        frameMs = frameMs == 0 ? ms : frameMs * 0.9 + ms * 0.1;
        if (lastFrameStart != 0) {
            double interval = (startNanos - lastFrameStart) / 1e9;
            double now = interval > 0 ? 1 / interval : 0;
            fps = fps == 0 ? now : fps * 0.9 + now * 0.1;
        }
        lastFrameStart = startNanos;
    }

    /** {@code "DashboardApp - connected - last: redefine 41 ms - Hotframe"}. */
    public String title(String app) {
        List<String> parts = new ArrayList<>();
        if (app != null) {
            parts.add(app);
        }
        parts.add(connection);
        if (lastReloadShort != null) {
            parts.add("last: " + lastReloadShort);
        }
        parts.add("Hotframe");
        return String.join(" \u2014 ", parts);
    }

    public void draw(Canvas canvas, int width) {
        if (!visible) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%.0f fps  \u00b7  %.1f ms/frame", fps, frameMs));
        lines.add(backend);
        lines.add(connection);
        if (lastReload != null) {
            lines.add(lastReload);
        }
        Font font = fonts.font(12, false);
        float w = 0;
        for (String line : lines) {
            w = Math.max(w, font.measureTextWidth(line));
        }
        w = Math.min(w + 20, width - 20);
        try (Paint bg = new Paint().setColor(0xC0101418); Paint fg = new Paint().setColor(0xFFB8F0C8)) {
            canvas.drawRRect(RRect.makeXYWH(10, 10, w, 10 + lines.size() * 16, 6), bg);
            float y = 26;
            for (String line : lines) {
                canvas.drawString(line, 20, y, font, fg);
                y += 16;
            }
        }
    }
}
