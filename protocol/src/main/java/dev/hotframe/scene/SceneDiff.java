package dev.hotframe.scene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the patch that turns one version of a scene into the next, matching nodes by id.
 * It walks both trees once, comparing each node's own properties; subtrees that are equal cost
 * one comparison per node and produce no ops. A patch of property sets and replacements is exact
 * by construction; one that inserts, removes or moves nodes is checked by applying it, and falls
 * back to one {@link PatchOp.Replace} of the root when it would not reproduce the new tree (an id
 * that moved between parents in a way the small patch cannot express).
 */
public final class SceneDiff {

    private SceneDiff() {
    }

    /** Returns the ops that turn {@code before} into {@code after}; empty when they are equal. */
    public static List<PatchOp> diff(SceneNode before, SceneNode after) {
        if (before == after) {
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
        boolean structural = ops.stream().anyMatch(op -> op instanceof PatchOp.Insert || op instanceof PatchOp.Remove
                || op instanceof PatchOp.Move);
        if (!structural) {
            return List.copyOf(ops);
        }
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
        if (before == after) {
            return;
        }
        props(before, after, edits);
        List<SceneNode> oldList = before.children();
        List<SceneNode> newChildren = after.children();
        if (sameIds(oldList, newChildren)) {
            for (int i = 0; i < newChildren.size(); i++) {
                child(oldList.get(i), newChildren.get(i), removals, edits);
            }
            return;
        }
        Map<String, SceneNode> oldChildren = new HashMap<>();
        oldList.forEach(c -> oldChildren.put(c.id(), c));
        java.util.Set<String> newIds = new java.util.HashSet<>();
        newChildren.forEach(c -> newIds.add(c.id()));
        List<String> order = new ArrayList<>();
        for (SceneNode child : oldList) {
            if (!newIds.contains(child.id())) {
                removals.add(new PatchOp.Remove(child.id()));
            } else {
                order.add(child.id());
            }
        }
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
            child(old, child, removals, edits);
        }
    }

    private static void child(SceneNode old, SceneNode child, List<PatchOp> removals, List<PatchOp> edits) {
        if (!old.type().equals(child.type())) {
            edits.add(new PatchOp.Replace(child.id(), child));
        } else {
            node(old, child, removals, edits);
        }
    }

    private static boolean sameIds(List<SceneNode> a, List<SceneNode> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).id().equals(b.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    private static void props(SceneNode before, SceneNode after, List<PatchOp> edits) {
        if (before.props().equals(after.props())) {
            return;
        }
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
