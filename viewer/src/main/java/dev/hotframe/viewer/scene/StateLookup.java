package dev.hotframe.viewer.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.function.Function;

/**
 * Looks up binding paths such as {@code score}, {@code player.name} or {@code items.size} in
 * the app state's JSON tree. Returns null for a path the state does not have.
 */
final class StateLookup implements Function<String, Object> {

    private final JsonNode state;

    StateLookup(JsonNode state) {
        this.state = state;
    }

    @Override
    public Object apply(String path) {
        return value(walk(state, path));
    }

    /** The JSON node at {@code path} under {@code root}, or null. */
    static JsonNode walk(JsonNode root, String path) {
        if (root == null) {
            return null;
        }
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            if (part.equals("size") && (node.isArray() || node.isObject()) && !node.has("size")) {
                node = IntNode.valueOf(node.size());
                continue;
            }
            if (part.isEmpty()) {
                return null;
            }
            node = node.isArray() ? (part.matches("\\d{1,9}") ? node.get(Integer.parseInt(part)) : null) : node.get(part);
            if (node == null || node.isMissingNode()) {
                return null;
            }
        }
        return node;
    }

    /** A scene value for a JSON node: a number, boolean or string; null for null. */
    static Object value(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }
}
