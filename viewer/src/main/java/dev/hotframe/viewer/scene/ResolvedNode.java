package dev.hotframe.viewer.scene;

import java.util.List;
import java.util.Map;

/**
 * A scene node with its bindings resolved for this frame, and {@code repeat}s expanded. The
 * resolver hands out the same instance again while nothing under it changed, so the layout
 * can cache by identity: an unchanged subtree is never laid out again.
 */
final class ResolvedNode {

    final String id;
    final String type;
    final Map<String, Object> values;
    final List<ResolvedNode> children;
    /** The retained scene node this was resolved from. */
    final dev.hotframe.scene.SceneNode source;

    ResolvedNode(dev.hotframe.scene.SceneNode source, String id, String type, Map<String, Object> values,
                 List<ResolvedNode> children) {
        this.source = source;
        this.id = id;
        this.type = type;
        this.values = values;
        this.children = children;
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    Object get(String key) {
        return values.get(key);
    }

    float number(String key, float fallback) {
        Object value = values.get(key);
        if (value instanceof Number n) {
            return n.floatValue();
        }
        if (value instanceof String s) {
            try {
                return Float.parseFloat(s.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    String string(String key, String fallback) {
        Object value = values.get(key);
        return value == null ? fallback : value.toString();
    }

    /** Whether this node holds the same values and the very same children as {@code other}. */
    boolean sameAs(ResolvedNode other) {
        if (other == null || !id.equals(other.id) || !type.equals(other.type) || children.size() != other.children.size()
                || !values.equals(other.values)) {
            return false;
        }
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) != other.children.get(i)) {
                return false;
            }
        }
        return true;
    }
}
