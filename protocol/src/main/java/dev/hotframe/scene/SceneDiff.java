package dev.hotframe.scene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the patch that turns one version of a scene into the next, matching nodes by id.
 * The result is always correct: it is checked by applying it, and falls back to one
 * {@link PatchOp.Replace} of the root when the small patch would not reproduce the new tree.
 */
public final class SceneDiff {

    private SceneDiff() {
    }

    /** Returns the ops that turn {@code before} into {@code after}; empty when they are equal. */
    public static List<PatchOp> diff(SceneNode before, SceneNode after) {
        if (before.equals(after)) {
            return List.of();
        }
        List<PatchOp> whole = List.of(new PatchOp.Replace(before.id(), after));
        if (!before.id().equals(after.id()) || !before.type().equals(after.type())) {
            return whole;
        }
        List<PatchOp> removals = new ArrayList<>();
        List<PatchOp> edits = new ArrayList<>();
        node(before, after, removals, edits);
        List<PatchOp> ops = new ArrayList<>(removals);
        ops.addAll(edits);
        try {
            if (ScenePatcher.apply(before, ops).equals(after)) {
                return List.copyOf(ops);
            }
        } catch (IllegalArgumentException e) {
            // An id moved between parents in a way the small patch cannot express; send it whole.
        }
        return whole;
    }

    private static void node(SceneNode before, SceneNode after, List<PatchOp> removals, List<PatchOp> edits) {
        props(before, after, edits);
        Map<String, SceneNode> oldChildren = new HashMap<>();
        before.children().forEach(c -> oldChildren.put(c.id(), c));
        List<String> order = new ArrayList<>();
        for (SceneNode child : before.children()) {
            if (after.indexOfChild(child.id()) < 0) {
                removals.add(new PatchOp.Remove(child.id()));
            } else {
                order.add(child.id());
            }
        }
        List<SceneNode> newChildren = after.children();
        for (int i = 0; i < newChildren.size(); i++) {
            SceneNode child = newChildren.get(i);
            SceneNode old = oldChildren.get(child.id());
            if (old == null) {
                edits.add(new PatchOp.Insert(after.id(), i, child));
                order.add(i, child.id());
                continue;
            }
            if (!order.get(i).equals(child.id())) {
                edits.add(new PatchOp.Move(child.id(), after.id(), i));
                order.remove(child.id());
                order.add(i, child.id());
            }
            if (!old.type().equals(child.type())) {
                edits.add(new PatchOp.Replace(child.id(), child));
            } else if (!old.equals(child)) {
                node(old, child, removals, edits);
            }
        }
    }

    private static void props(SceneNode before, SceneNode after, List<PatchOp> edits) {
        Map<String, Object> set = new LinkedHashMap<>();
        after.props().forEach((key, value) -> {
            if (!Objects.equals(before.props().get(key), value)) {
                set.put(key, value);
            }
        });
        List<String> unset = before.props().keySet().stream().filter(k -> !after.props().containsKey(k)).toList();
        if (!set.isEmpty() || !unset.isEmpty()) {
            edits.add(new PatchOp.SetProps(after.id(), set, unset));
        }
    }
}
