package dev.hotframe.scene;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Applies {@link PatchOp}s to an immutable scene tree, returning the new tree. */
public final class ScenePatcher {

    private ScenePatcher() {
    }

    /** Applies {@code ops} in order. Throws {@link IllegalArgumentException} naming the first op that cannot apply. */
    public static SceneNode apply(SceneNode root, List<PatchOp> ops) {
        SceneNode current = root;
        for (PatchOp op : ops) {
            current = apply(current, op);
        }
        return current;
    }

    private static SceneNode apply(SceneNode root, PatchOp op) {
        if (op instanceof PatchOp.SetProps set) {
            return update(root, set.id(), op, node -> {
                Map<String, Object> props = new LinkedHashMap<>(node.props());
                set.unset().forEach(props::remove);
                props.putAll(set.set());
                return node.withProps(props);
            });
        }
        if (op instanceof PatchOp.Replace replace) {
            return update(root, replace.id(), op, node -> replace.node());
        }
        if (op instanceof PatchOp.Remove remove) {
            return remove(root, remove.id(), op);
        }
        if (op instanceof PatchOp.Insert insert) {
            return insert(root, insert.parentId(), insert.index(), insert.node(), op);
        }
        if (op instanceof PatchOp.Move move) {
            SceneNode moved = find(root, move.id());
            if (moved == null) {
                throw cannot(op, "there is no node '" + move.id() + "'");
            }
            return insert(remove(root, move.id(), op), move.parentId(), move.index(), moved, op);
        }
        throw new IllegalStateException("unhandled patch op " + op.getClass().getName());
    }

    /** Returns the node with {@code id} in the tree under {@code root}, or null. */
    public static SceneNode find(SceneNode root, String id) {
        if (root.id().equals(id)) {
            return root;
        }
        for (SceneNode child : root.children()) {
            SceneNode found = find(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static SceneNode remove(SceneNode root, String id, PatchOp op) {
        if (root.id().equals(id)) {
            throw cannot(op, "the root node cannot be removed; replace it instead");
        }
        SceneNode parent = parentOf(root, id);
        if (parent == null) {
            throw cannot(op, "there is no node '" + id + "'");
        }
        return update(root, parent.id(), op, p -> {
            List<SceneNode> children = p.childrenCopy();
            children.remove(p.indexOfChild(id));
            return p.withChildren(children);
        });
    }

    private static SceneNode insert(SceneNode root, String parentId, int index, SceneNode node, PatchOp op) {
        if (find(root, node.id()) != null) {
            throw cannot(op, "a node '" + node.id() + "' already exists");
        }
        return update(root, parentId, op, parent -> {
            if (index < 0 || index > parent.children().size()) {
                throw cannot(op, "index " + index + " is outside 0.." + parent.children().size() + " of '" + parentId + "'");
            }
            List<SceneNode> children = parent.childrenCopy();
            children.add(index, node);
            return parent.withChildren(children);
        });
    }

    private static SceneNode parentOf(SceneNode root, String id) {
        for (SceneNode child : root.children()) {
            if (child.id().equals(id)) {
                return root;
            }
            SceneNode found = parentOf(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static SceneNode update(SceneNode root, String id, PatchOp op, UnaryOperator<SceneNode> change) {
        SceneNode result = updateOrNull(root, id, change);
        if (result == null) {
            throw cannot(op, "there is no node '" + id + "'");
        }
        return result;
    }

    private static SceneNode updateOrNull(SceneNode node, String id, UnaryOperator<SceneNode> change) {
        if (node.id().equals(id)) {
            return change.apply(node);
        }
        List<SceneNode> children = node.children();
        for (int i = 0; i < children.size(); i++) {
            SceneNode updated = updateOrNull(children.get(i), id, change);
            if (updated != null) {
                List<SceneNode> copy = node.childrenCopy();
                copy.set(i, updated);
                return node.withChildren(copy);
            }
        }
        return null;
    }

    private static IllegalArgumentException cannot(PatchOp op, String why) {
        return new IllegalArgumentException("cannot apply " + op + ": " + why);
    }
}
