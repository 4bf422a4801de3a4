package dev.hotframe.viewer.reload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * State values that the running code has no field for, kept aside by path ({@code ball.spin},
 * {@code balls[2].spin}), oldest first. When a later generation brings the field back (an undo
 * in the editor, a reverted experiment), the migration takes its value from here.
 */
record Attic(Map<String, JsonNode> values) {

    static final Attic EMPTY = new Attic(Map.of());
    /** Past this many entries the oldest go: the attic must not grow without end over a long session. */
    static final int LIMIT = 256;

    Attic {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
