package dev.hotframe.viewer.scene;

import io.github.humbleui.skija.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parsed SVG path data, kept by its text (a few hundred at most) so a frame never parses it again. */
final class Shapes {

    private static final int MAX = 256;
    private static final Map<String, Path> PATHS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Path> eldest) {
            if (size() > MAX) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };
    private static final Path EMPTY = new Path();

    private Shapes() {
    }

    /** The path for SVG path data {@code d}; an empty path when it does not parse. Render thread only. */
    static Path path(String d) {
        Path cached = PATHS.get(d);
        if (cached == null) {
            cached = Path.makeFromSVGString(d);
            if (cached == null) {
                return EMPTY;
            }
            PATHS.put(d, cached);
        }
        return cached;
    }

    /** Whether {@code d} is SVG path data that Skia can read. */
    static boolean valid(String d) {
        return d.isEmpty() || path(d) != EMPTY;
    }
}
