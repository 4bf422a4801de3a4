package dev.hotframe.scene;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One edit to a retained scene, addressed by node id. A scene patch is a list of these, applied in order. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PatchOp.SetProps.class, name = "set"),
    @JsonSubTypes.Type(value = PatchOp.Insert.class, name = "insert"),
    @JsonSubTypes.Type(value = PatchOp.Remove.class, name = "remove"),
    @JsonSubTypes.Type(value = PatchOp.Move.class, name = "move"),
    @JsonSubTypes.Type(value = PatchOp.Replace.class, name = "replace"),
})
public sealed interface PatchOp {

    /** Sets the properties in {@code set} and removes those named in {@code unset}. */
    record SetProps(String id, Map<String, Object> set, List<String> unset) implements PatchOp {
        public SetProps {
            Objects.requireNonNull(id, "'id' must not be null");
            set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set == null ? Map.of() : set));
            unset = List.copyOf(unset == null ? List.of() : unset);
        }
    }

    /** Inserts {@code node} (with its subtree) as child number {@code index} of {@code parentId}. */
    record Insert(String parentId, int index, SceneNode node) implements PatchOp {
        public Insert {
            Objects.requireNonNull(parentId, "'parentId' must not be null");
            Objects.requireNonNull(node, "'node' must not be null");
        }
    }

    /** Removes the node {@code id} and its subtree. */
    record Remove(String id) implements PatchOp {
        public Remove {
            Objects.requireNonNull(id, "'id' must not be null");
        }
    }

    /** Moves the node {@code id} to child number {@code index} of {@code parentId}. */
    record Move(String id, String parentId, int index) implements PatchOp {
        public Move {
            Objects.requireNonNull(id, "'id' must not be null");
            Objects.requireNonNull(parentId, "'parentId' must not be null");
        }
    }

    /** Replaces the node {@code id} (the root included) with {@code node}. */
    record Replace(String id, SceneNode node) implements PatchOp {
        public Replace {
            Objects.requireNonNull(id, "'id' must not be null");
            Objects.requireNonNull(node, "'node' must not be null");
        }
    }
}
