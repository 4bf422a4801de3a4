package dev.hotframe.wire;

import dev.hotframe.scene.PatchOp;
import dev.hotframe.scene.SceneNode;
import java.util.List;

/** The limits a decoded server message must keep, beyond what its JSON shape guarantees. */
final class Validation {

    private Validation() {
    }

    static void check(ServerMessage message, Limits limits) {
        if (message instanceof ServerMessage.Snapshot snapshot) {
            classes(snapshot.classes(), limits);
            snapshot.scenes().forEach((name, root) -> nodes(name, root, limits));
            count(snapshot.assets().size(), limits);
        } else if (message instanceof ServerMessage.AssetUpdate assets) {
            count(assets.assets().size() + assets.removed().size(), limits);
            for (String removed : assets.removed()) {
                if (AssetFile.problem(removed) != null) {
                    throw new WireException(Protocol.CLOSE_BAD_MESSAGE, "removed asset path '" + removed + "' "
                            + AssetFile.problem(removed), null);
                }
            }
        } else if (message instanceof ServerMessage.CodeUpdate code) {
            classes(code.classes(), limits);
        } else if (message instanceof ServerMessage.SceneUpdate update) {
            for (SceneChange change : update.changes()) {
                if (change.root() != null) {
                    nodes(change.scene(), change.root(), limits);
                }
                for (PatchOp op : change.ops()) {
                    if (op instanceof PatchOp.Insert insert) {
                        nodes(change.scene(), insert.node(), limits);
                    } else if (op instanceof PatchOp.Replace replace) {
                        nodes(change.scene(), replace.node(), limits);
                    }
                }
            }
        }
    }

    private static void classes(List<ClassFile> classes, Limits limits) {
        if (classes.size() > limits.classesPerUpdate()) {
            throw new WireException(Protocol.CLOSE_TOO_BIG, "update carries " + classes.size()
                    + " classes; the limit is " + limits.classesPerUpdate(), null);
        }
    }

    private static void count(int assets, Limits limits) {
        if (assets > limits.classesPerUpdate()) {
            throw new WireException(Protocol.CLOSE_TOO_BIG, "update carries " + assets
                    + " assets; the limit is " + limits.classesPerUpdate(), null);
        }
    }

    private static void nodes(String scene, SceneNode root, Limits limits) {
        int count = root.nodeCount();
        if (count > limits.sceneNodes()) {
            throw new WireException(Protocol.CLOSE_TOO_BIG, "scene '" + scene + "' has " + count
                    + " nodes; the limit is " + limits.sceneNodes(), null);
        }
    }
}
