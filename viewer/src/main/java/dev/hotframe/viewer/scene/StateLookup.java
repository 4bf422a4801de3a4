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
        if (state == null) {
            return null;
        }
        JsonNode node = state;
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
