package dev.hotframe.viewer.scene;

import dev.hotframe.scene.SceneNode;
import dev.hotframe.scene.ScenePatcher;
import dev.hotframe.wire.SceneChange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The scenes the viewer draws, by name, kept between frames and patched by node id. Render thread only. */
public final class RetainedScenes {

    private final Map<String, SceneNode> scenes = new HashMap<>();

    /** Replaces every scene (a snapshot). */
    public void replaceAll(Map<String, SceneNode> all) {
        scenes.clear();
        scenes.putAll(all);
    }

    /**
     * Applies the changes in order. If one cannot apply (the viewer's copy diverged), nothing
     * changes and {@link IllegalArgumentException} says which scene and op failed.
     */
    public void apply(List<SceneChange> changes) {
        Map<String, SceneNode> next = new HashMap<>(scenes);
        for (SceneChange change : changes) {
            if (change.removed()) {
                next.remove(change.scene());
            } else if (change.root() != null) {
                next.put(change.scene(), change.root());
            } else {
                SceneNode current = next.get(change.scene());
                if (current == null) {
                    throw new IllegalArgumentException("scene '" + change.scene() + "' is not known to this viewer");
                }
                next.put(change.scene(), ScenePatcher.apply(current, change.ops()));
            }
        }
        scenes.clear();
        scenes.putAll(next);
    }

    /** The scene named {@code name}, or null. */
    public SceneNode get(String name) {
        return scenes.get(name);
    }

    public java.util.Set<String> names() {
        return java.util.Set.copyOf(scenes.keySet());
    }
}
