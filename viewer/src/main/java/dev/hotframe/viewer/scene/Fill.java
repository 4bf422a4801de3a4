package dev.hotframe.viewer.scene;

import dev.hotframe.scene.Colors;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Shader;
import java.util.List;
import java.util.Map;

/**
 * Turns a resolved paint value into a Skija paint for a box: a colour, or a linear or radial
 * gradient whose coordinates are fractions of the box (see {@link dev.hotframe.scene.Paints}).
 */
final class Fill {

    /** The colour drawn where a value is not a colour, so the mistake is visible. */
    static final int WRONG = 0xFFFF00FF;

    private Fill() {
    }

    /** The colour {@code value}, {@code fallback} when it is null, magenta when it is not a colour. */
    static int color(Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        String text = value.toString();
        return Colors.isColor(text) ? Colors.parse(text) : WRONG;
    }

    /** Whether {@code value} is usable as a paint; a wrong one is drawn magenta and reported by the caller. */
    static boolean valid(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.get("colors") instanceof List<?>;
        }
        return value == null || value instanceof Number || Colors.isColor(value.toString());
    }

    /** Sets {@code paint} to draw {@code value} over a box of {@code w} x {@code h}. */
    static Paint apply(Paint paint, Object value, float w, float h) {
        if (!(value instanceof Map<?, ?> map)) {
            return paint.setColor(color(value, 0));
        }
        List<?> colorList = (List<?>) map.get("colors");
        int[] colors = new int[colorList.size()];
        for (int i = 0; i < colors.length; i++) {
            colors[i] = color(colorList.get(i), WRONG);
        }
        float[] stops = null;
        if (map.get("stops") instanceof List<?> list && list.size() == colors.length) {
            stops = new float[colors.length];
            for (int i = 0; i < stops.length; i++) {
                stops[i] = list.get(i) instanceof Number n ? n.floatValue() : (float) i / (stops.length - 1);
            }
        }
        float[] c = numbers(map.get(map.containsKey("linear") ? "linear" : "radial"));
        Shader shader;
        if (map.containsKey("linear") && c.length == 4) {
            shader = Shader.makeLinearGradient(c[0] * w, c[1] * h, c[2] * w, c[3] * h, colors, stops);
        } else if (c.length == 3) {
            shader = Shader.makeRadialGradient(c[0] * w, c[1] * h, c[2] * Math.max(w, h), colors, stops);
        } else {
            return paint.setColor(WRONG);
        }
        paint.setColor(0xFF000000);
        return paint.setShader(shader);
    }

    static float[] numbers(Object value) {
        if (!(value instanceof List<?> list)) {
            return new float[0];
        }
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i) instanceof Number n ? n.floatValue() : 0;
        }
        return out;
    }
}
