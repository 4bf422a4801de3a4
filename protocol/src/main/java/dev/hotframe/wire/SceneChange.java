package dev.hotframe.wire;

import dev.hotframe.scene.PatchOp;
import dev.hotframe.scene.SceneNode;
import java.util.List;

/**
 * The change to one scene: {@code ops} to patch the viewer's copy, or {@code root} when the
 * viewer has no copy yet (a new scene file), or neither when the scene was deleted.
 */
public record SceneChange(String scene, List<PatchOp> ops, SceneNode root, boolean removed) {

    public SceneChange {
        java.util.Objects.requireNonNull(scene, "'scene' must not be null");
        ops = List.copyOf(ops == null ? List.of() : ops);
    }

    public static SceneChange patch(String scene, List<PatchOp> ops) {
        return new SceneChange(scene, ops, null, false);
    }

    public static SceneChange added(String scene, SceneNode root) {
        return new SceneChange(scene, List.of(), root, false);
    }

    public static SceneChange deleted(String scene) {
        return new SceneChange(scene, List.of(), null, true);
    }
}
