package dev.hotframe.viewer.scene;

import java.util.List;

/**
 * Reads layout values: a size is a number (fixed), {@code "50%"} (of the parent's content
 * box), {@code "1fr"} (a share of what the row or column has left; elsewhere: fill), or
 * {@code "fit"} (the content's size, also the default); padding is a number or a list of 2
 * (vertical, horizontal) or 4 (top, right, bottom, left) numbers, like CSS.
 */
final class Sizes {

    /** How a size was given. */
    enum Kind { FIXED, PERCENT, FR, FIT }

    /** A parsed size: {@code amount} is pixels, a percentage, or the number of fr. */
    record Size(Kind kind, float amount) {
        static final Size FIT = new Size(Kind.FIT, 0);

        /** The size in pixels against {@code avail}, or NaN when it is {@code fit}. */
        float resolve(float avail) {
            return switch (kind) {
                case FIXED -> amount;
                case PERCENT -> avail * amount / 100f;
                case FR -> avail;
                case FIT -> Float.NaN;
            };
        }
    }

    private Sizes() {
    }

    static Size size(Object value) {
        if (value instanceof Number n) {
            return new Size(Kind.FIXED, Math.max(0, n.floatValue()));
        }
        if (value == null) {
            return Size.FIT;
        }
        String text = value.toString().trim();
        try {
            if (text.endsWith("%")) {
                return new Size(Kind.PERCENT, Float.parseFloat(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("fr")) {
                String number = text.substring(0, text.length() - 2).trim();
                return new Size(Kind.FR, number.isEmpty() ? 1 : Math.max(0, Float.parseFloat(number)));
            }
            if (text.equals("fit") || text.isEmpty()) {
                return Size.FIT;
            }
            return new Size(Kind.FIXED, Math.max(0, Float.parseFloat(text)));
        } catch (NumberFormatException e) {
            return Size.FIT;
        }
    }

    /** Whether {@code value} reads as a size; a wrong one lays out as {@code fit} and is reported by the painter. */
    static boolean valid(Object value) {
        if (value == null || value instanceof Number) {
            return true;
        }
        String text = value.toString().trim();
        return text.equals("fit") || text.matches("\\d+(\\.\\d+)?(%|fr)?") || text.matches("(\\d+(\\.\\d+)?)?fr");
    }

    /** Top, right, bottom, left. */
    static float[] padding(Object value) {
        if (value instanceof Number n) {
            float p = n.floatValue();
            return new float[] {p, p, p, p};
        }
        if (value instanceof List<?> list && list.stream().allMatch(Number.class::isInstance)) {
            float[] v = new float[list.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = ((Number) list.get(i)).floatValue();
            }
            if (v.length == 2) {
                return new float[] {v[0], v[1], v[0], v[1]};
            }
            if (v.length == 4) {
                return v;
            }
        }
        return new float[4];
    }

    /** Whether a size is set in the scene, as opposed to following the content. */
    static boolean given(Size size) {
        return size.kind() != Kind.FIT;
    }
}
