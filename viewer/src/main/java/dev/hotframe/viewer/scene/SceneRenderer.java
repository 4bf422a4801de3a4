package dev.hotframe.viewer.scene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.scene.Bindings;
import dev.hotframe.scene.Colors;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.viewer.render.Fonts;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Font;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.PaintMode;
import io.github.humbleui.types.RRect;
import io.github.humbleui.types.Rect;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Draws a scene tree on a canvas, resolving {@code ${...}} bindings against the app state.
 * Problems (a missing binding, a value of the wrong kind) are drawn visibly and collected as
 * warnings; they never throw.
 */
public final class SceneRenderer {

    private final Fonts fonts;
    private final Set<String> warnings = new LinkedHashSet<>();

    public SceneRenderer(Fonts fonts) {
        this.fonts = fonts;
    }

    /** Draws {@code root} with bindings looked up in {@code state} (may be null). */
    public void draw(Canvas canvas, SceneNode root, JsonNode state) {
        node(canvas, root, new StateLookup(state));
    }

    /** Warnings collected since the last call, e.g. a binding to a field the state lacks. */
    public Set<String> drainWarnings() {
        Set<String> copy = Set.copyOf(warnings);
        warnings.clear();
        return copy;
    }

    /** Records a warning to show, e.g. a scene that does not exist. */
    public void warn(String warning) {
        warnings.add(warning);
    }

    private void node(Canvas canvas, SceneNode node, Function<String, Object> lookup) {
        Props p = new Props(node, lookup, warnings);
        if (!p.bool("visible", true)) {
            return;
        }
        float opacity = p.number("opacity", 1f);
        int layer = opacity < 1f ? canvas.saveLayerAlpha(null, Math.round(Math.max(0, opacity) * 255)) : canvas.save();
        try {
            switch (node.type()) {
                case "group" -> {
                    canvas.translate(p.number("x", 0), p.number("y", 0));
                    node.children().forEach(child -> node(canvas, child, lookup));
                }
                case "rect" -> rect(canvas, p);
                case "circle" -> circle(canvas, p);
                case "text" -> text(canvas, p);
                case "line" -> line(canvas, p);
                default -> warnings.add("node '" + node.id() + "' has unknown type '" + node.type() + "'");
            }
        } finally {
            canvas.restoreToCount(layer);
        }
    }

    private static void rect(Canvas canvas, Props p) {
        Rect bounds = Rect.makeXYWH(p.number("x", 0), p.number("y", 0), p.number("w", 0), p.number("h", 0));
        float radius = p.number("radius", 0);
        fillAndStroke(p, paint -> {
            if (radius > 0) {
                canvas.drawRRect(RRect.makeLTRB(bounds.getLeft(), bounds.getTop(), bounds.getRight(), bounds.getBottom(), radius), paint);
            } else {
                canvas.drawRect(bounds, paint);
            }
        });
    }

    private static void circle(Canvas canvas, Props p) {
        float cx = p.number("cx", 0);
        float cy = p.number("cy", 0);
        float r = p.number("r", 0);
        fillAndStroke(p, paint -> canvas.drawCircle(cx, cy, r, paint));
    }

    private void text(Canvas canvas, Props p) {
        String text = p.text("text");
        if (text.isEmpty()) {
            return;
        }
        Font font = fonts.font(p.number("size", 16), isBold(p.raw("weight")));
        float x = p.number("x", 0);
        String align = p.text("align");
        if (align.equals("center") || align.equals("right")) {
            float width = font.measureTextWidth(text);
            x -= align.equals("center") ? width / 2 : width;
        }
        try (Paint paint = new Paint().setColor(p.color("color", 0xFFFFFFFF)).setAntiAlias(true)) {
            canvas.drawString(text, x, p.number("y", 0), font, paint);
        }
    }

    private static void line(Canvas canvas, Props p) {
        try (Paint paint = new Paint().setColor(p.color("stroke", p.color("color", 0xFFFFFFFF))).setMode(PaintMode.STROKE)
                .setStrokeWidth(p.number("width", 1)).setAntiAlias(true)) {
            canvas.drawLine(p.number("x1", 0), p.number("y1", 0), p.number("x2", 0), p.number("y2", 0), paint);
        }
    }

    private static void fillAndStroke(Props p, java.util.function.Consumer<Paint> draw) {
        if (p.has("fill")) {
            try (Paint paint = new Paint().setColor(p.color("fill", 0)).setAntiAlias(true)) {
                draw.accept(paint);
            }
        }
        if (p.has("stroke")) {
            try (Paint paint = new Paint().setColor(p.color("stroke", 0)).setMode(PaintMode.STROKE)
                    .setStrokeWidth(p.number("strokeWidth", 1)).setAntiAlias(true)) {
                draw.accept(paint);
            }
        }
    }

    private static boolean isBold(Object weight) {
        if (weight instanceof Number n) {
            return n.intValue() >= 600;
        }
        return weight != null && weight.toString().equalsIgnoreCase("bold");
    }

    /** One node's properties with bindings resolved; bad values fall back and leave a warning. */
    private record Props(SceneNode node, Function<String, Object> lookup, Set<String> warnings) {

        boolean has(String key) {
            return node.props().containsKey(key);
        }

        Object raw(String key) {
            Object value = node.props().get(key);
            if (value instanceof String s) {
                String whole = Bindings.wholePath(s);
                if (whole != null) {
                    Object bound = lookup.apply(whole);
                    if (bound == null) {
                        warnings.add("scene node '" + node.id() + "': '" + key + "' binds ${" + whole
                                + "}, which the app state does not have");
                    }
                    return bound;
                }
            }
            return value;
        }

        float number(String key, float fallback) {
            Object value = raw(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Number n) {
                return n.floatValue();
            }
            try {
                return Float.parseFloat(value.toString());
            } catch (NumberFormatException e) {
                warnings.add("scene node '" + node.id() + "': '" + key + "' should be a number, was '" + value + "'");
                return fallback;
            }
        }

        boolean bool(String key, boolean fallback) {
            Object value = raw(key);
            if (value instanceof Boolean b) {
                return b;
            }
            if (value instanceof Number n) {
                return n.doubleValue() != 0;
            }
            return value == null ? fallback : !value.toString().isEmpty() && !value.toString().equals("false");
        }

        int color(String key, int fallback) {
            Object value = raw(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Number n) {
                return n.intValue();
            }
            String text = value.toString();
            if (Colors.isColor(text)) {
                return Colors.parse(text);
            }
            warnings.add("scene node '" + node.id() + "': '" + key + "' should be a colour, was '" + text + "'");
            return 0xFFFF00FF;
        }

        String text(String key) {
            Object value = node.props().get(key);
            if (value == null) {
                return "";
            }
            String text = value.toString();
            if (!Bindings.isBinding(text)) {
                return text;
            }
            return Bindings.interpolate(text, path -> {
                Object bound = lookup.apply(path);
                if (bound == null) {
                    warnings.add("scene node '" + node.id() + "': ${" + path + "} is not in the app state");
                }
                return bound;
            });
        }
    }
}
