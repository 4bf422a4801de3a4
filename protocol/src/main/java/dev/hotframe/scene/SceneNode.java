package dev.hotframe.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a scene: a stable id, a type ({@code group}, {@code rect}, ...), its properties
 * and its children. Immutable; the diff and the viewer's patches rely on that.
 *
 * <p>Property values are JSON scalars or lists of them: {@code String}, {@code Number},
 * {@code Boolean}, {@code List}.
 */
public record SceneNode(String id, String type, Map<String, Object> props, List<SceneNode> children) {

    public SceneNode {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(type, "'type' must not be null");
        props = PropMap.of(props);
        children = List.copyOf(children == null ? List.of() : children);
    }

    /** Returns a copy with {@code newChildren} in place of the children. */
    public SceneNode withChildren(List<SceneNode> newChildren) {
        return new SceneNode(id, type, props, newChildren);
    }

    /** Returns a copy whose properties are {@code newProps}. */
    public SceneNode withProps(Map<String, Object> newProps) {
        return new SceneNode(id, type, newProps, children);
    }

    /** The number of nodes in this subtree, this one included. */
    public int nodeCount() {
        int n = 1;
        for (SceneNode child : children) {
            n += child.nodeCount();
        }
        return n;
    }

    /** Returns the index of the child with {@code childId}, or -1. */
    public int indexOfChild(String childId) {
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).id().equals(childId)) {
                return i;
            }
        }
        return -1;
    }

    /** Returns a mutable copy of the children, for building a changed copy. */
    List<SceneNode> childrenCopy() {
        return new ArrayList<>(children);
    }
}
