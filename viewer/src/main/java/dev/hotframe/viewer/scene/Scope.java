package dev.hotframe.viewer.scene;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where bindings are looked up: the app state, and inside a {@code repeat} the current item
 * (under the repeat's {@code "as"} name, {@code item} by default) and its {@code index}.
 */
final class Scope {

    private final JsonNode state;
    private final Scope parent;
    private final String itemName;
    private final JsonNode item;
    private final int index;

    private Scope(JsonNode state, Scope parent, String itemName, JsonNode item, int index) {
        this.state = state;
        this.parent = parent;
        this.itemName = itemName;
        this.item = item;
        this.index = index;
    }

    static Scope of(JsonNode state) {
        return new Scope(state, null, null, null, -1);
    }

    Scope item(String name, JsonNode value, int at) {
        return new Scope(state, this, name, value, at);
    }

    /** The JSON node at {@code path}, or null. */
    JsonNode node(String path) {
        if (itemName != null) {
            if (path.equals(itemName)) {
                return item;
            }
            if (path.startsWith(itemName + ".")) {
                return StateLookup.walk(item, path.substring(itemName.length() + 1));
            }
            if (path.equals("index")) {
                return com.fasterxml.jackson.databind.node.IntNode.valueOf(index);
            }
            return parent.node(path);
        }
        return StateLookup.walk(state, path);
    }

    /** The value at {@code path} as a scene value, or null when it is missing. */
    Object value(String path) {
        return StateLookup.value(node(path));
    }
}
