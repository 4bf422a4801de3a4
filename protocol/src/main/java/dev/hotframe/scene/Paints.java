package dev.hotframe.scene;

import java.util.List;
import java.util.Map;

/**
 * Checks paint values when a scene is read, so that a typo is reported at its line and column
 * instead of drawing magenta. A paint is a colour ({@code "#RRGGBB"}, {@code "#AARRGGBB"}),
 * a {@code ${binding}}, a component parameter ({@code "{{color}}"}), or, for {@code fill},
 * {@code stroke} and {@code background}, a gradient over the node's box in fractions of its size:
 *
 * <pre>{@code
 * "fill": { "linear": [0, 0, 1, 1], "colors": ["#3366FF", "#22AA88"], "stops": [0, 1] }
 * "fill": { "radial": [0.5, 0.5, 0.5], "colors": ["#FFFFFF", "#00FFFFFF"] }
 * }</pre>
 */
public final class Paints {

    private Paints() {
    }

    /** Returns what is wrong with {@code value} as the paint {@code name}, or null when it is fine. */
    public static String checkPaint(String name, Object value) {
        if (value instanceof String text) {
            return isColorLike(text) ? null
                    : "property '" + name + "' must be a colour written #RRGGBB or #AARRGGBB, was '" + text + "'";
        }
        if (value instanceof Map<?, ?> map && !name.equals("color")) {
            return gradient(name, map);
        }
        return "property '" + name + "' must be a colour written #RRGGBB or #AARRGGBB"
                + (name.equals("color") ? "" : " or a gradient object") + ", was " + value;
    }

    private static String gradient(String name, Map<?, ?> map) {
        Object linear = map.get("linear");
        Object radial = map.get("radial");
        if ((linear == null) == (radial == null)) {
            return "gradient '" + name + "' needs exactly one of \"linear\": [x0, y0, x1, y1] or \"radial\": [cx, cy, r]"
                    + " (fractions of the node's box)";
        }
        String shape = linear != null ? "linear" : "radial";
        int wanted = linear != null ? 4 : 3;
        Object coords = linear != null ? linear : radial;
        if (!(coords instanceof List<?> list) || list.size() != wanted || !list.stream().allMatch(Number.class::isInstance)) {
            return "gradient '" + name + "': '" + shape + "' must be a list of " + wanted + " numbers, was " + coords;
        }
        if (!(map.get("colors") instanceof List<?> colors) || colors.size() < 2) {
            return "gradient '" + name + "' needs \"colors\": a list of at least 2 colours";
        }
        for (Object color : colors) {
            if (!(color instanceof String text) || !isColorLike(text)) {
                return "gradient '" + name + "': '" + color + "' is not a colour; write #RRGGBB or #AARRGGBB";
            }
        }
        Object stops = map.get("stops");
        if (stops != null && (!(stops instanceof List<?> stopList) || stopList.size() != colors.size()
                || !stopList.stream().allMatch(Number.class::isInstance))) {
            return "gradient '" + name + "': 'stops' must be " + colors.size() + " numbers in 0..1, one per colour, was " + stops;
        }
        for (Object key : map.keySet()) {
            if (!List.of("linear", "radial", "colors", "stops").contains(key)) {
                return "gradient '" + name + "' has an unknown key '" + key + "'; it takes linear or radial, colors, stops";
            }
        }
        return null;
    }

    private static boolean isColorLike(String text) {
        return Colors.isColor(text) || Bindings.isBinding(text) || text.contains("{{");
    }
}
