package dev.hotframe.scene;

import com.fasterxml.jackson.core.JsonToken;
import java.util.Set;

/** The words scene errors are written in: what a token is, a sorted list of names, why a tree is too deep. */
final class SceneWords {

    private SceneWords() {
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    /** Why a node is one level too deep; the same words whether the file or its components made it so. */
    static String tooDeep() {
        return "nodes nest more than " + SceneLimits.NODE_DEPTH + " levels deep here; the limit keeps every scene "
                + "within what the wire carries and the viewer draws (put a component or a 'repeat' in its place)";
    }

    static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }
}
