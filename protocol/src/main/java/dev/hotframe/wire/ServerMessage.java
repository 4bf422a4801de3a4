package dev.hotframe.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/** Everything the dev server sends to a viewer. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerMessage.Snapshot.class, name = "snapshot"),
    @JsonSubTypes.Type(value = ServerMessage.SceneUpdate.class, name = "scene"),
    @JsonSubTypes.Type(value = ServerMessage.CodeUpdate.class, name = "code"),
    @JsonSubTypes.Type(value = ServerMessage.UpdateFailed.class, name = "failed"),
})
public sealed interface ServerMessage {

    /**
     * The whole current project, sent first on every connection: the app class, all class
     * bytes, all scenes, and the problems that are open now (a compile error at start).
     */
    record Snapshot(UpdateMeta meta, String appClass, List<ClassFile> classes, Map<String, dev.hotframe.scene.SceneNode> scenes,
                    List<Diagnostic> problems) implements ServerMessage {
        public Snapshot {
            classes = List.copyOf(classes);
            scenes = Map.copyOf(scenes);
            problems = List.copyOf(problems);
        }
    }

    /** Scene files changed: patch the retained scenes. No code changed. */
    record SceneUpdate(UpdateMeta meta, List<SceneChange> changes) implements ServerMessage {
        public SceneUpdate {
            changes = List.copyOf(changes);
        }
    }

    /**
     * Java code changed. {@code tier} is {@code redefine} (method bodies only) or {@code reload}
     * (shape changed), with the classifier's {@code reason}. {@code classes} holds only the
     * changed and added classes; {@code removed} names classes that no longer exist.
     */
    record CodeUpdate(UpdateMeta meta, String tier, String reason, List<ClassFile> classes, List<String> removed)
            implements ServerMessage {
        public CodeUpdate {
            classes = List.copyOf(classes);
            removed = List.copyOf(removed);
        }
    }

    /** A change could not be built (compile or scene errors). Viewers keep what they run. */
    record UpdateFailed(UpdateMeta meta, List<Diagnostic> diagnostics) implements ServerMessage {
        public UpdateFailed {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** The update's metadata. */
    UpdateMeta meta();
}
