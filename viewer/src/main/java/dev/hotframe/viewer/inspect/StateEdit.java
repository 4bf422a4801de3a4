package dev.hotframe.viewer.inspect;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One edit of the state tree: a copy of the tree with the value at a JSON Pointer replaced.
 * Only values that exist can be set, so an edit can neither invent a field the code does not
 * have (the migration would quietly keep it aside) nor grow a list past its end.
 */
final class StateEdit {

    private StateEdit() {
    }

    /**
     * @throws IllegalArgumentException naming the path when it is malformed or not in the tree,
     *                                  or when it names the whole state
     */
    static JsonNode apply(JsonNode tree, String path, JsonNode value) {
        JsonPointer pointer;
        try {
            pointer = JsonPointer.compile(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + path + "' is not a JSON Pointer: " + e.getMessage(), e);
        }
        if (pointer.matches()) {
            throw new IllegalArgumentException("the whole state cannot be replaced; name a value in it, such as /score");
        }
        JsonNode copy = tree.deepCopy();
        JsonNode parent = copy.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array && pointer.last().getMatchingIndex() >= 0
                && pointer.last().getMatchingIndex() < array.size()) {
            array.set(pointer.last().getMatchingIndex(), value);
        } else {
            throw new IllegalArgumentException("the state has no value at " + path);
        }
        return copy;
    }
}
