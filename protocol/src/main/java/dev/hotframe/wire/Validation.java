package dev.hotframe.wire;

import dev.hotframe.scene.PatchOp;
import dev.hotframe.scene.SceneNode;
import java.util.List;

/**
 * The limits a decoded server message must keep, beyond what its JSON shape guarantees. Only
 * updates carry classes, assets and scenes; one method per update, so a new update type does
 * not compile until it says what it checks.
 */
final class Validation implements ServerMessage.Update.Handler<Void> {

    private final Limits limits;

    private Validation(Limits limits) {
        this.limits = limits;
    }

    static void check(ServerMessage message, Limits limits) {
        if (message instanceof ServerMessage.Update update) {
            update.accept(new Validation(limits));
        }
    }

    @Override
    public Void snapshot(ServerMessage.Snapshot snapshot) {
        classes(snapshot.classes());
        snapshot.scenes().forEach(this::nodes);
        assets(snapshot.assets().size());
        return null;
    }

    @Override
    public Void scene(ServerMessage.SceneUpdate update) {
        for (SceneChange change : update.changes()) {
            if (change.root() != null) {
                nodes(change.scene(), change.root());
            }
            for (PatchOp op : change.ops()) {
                if (op instanceof PatchOp.Insert insert) {
                    nodes(change.scene(), insert.node());
                } else if (op instanceof PatchOp.Replace replace) {
                    nodes(change.scene(), replace.node());
                }
            }
        }
        return null;
    }

    @Override
    public Void code(ServerMessage.CodeUpdate update) {
        classes(update.classes());
        return null;
    }

    @Override
    public Void failed(ServerMessage.UpdateFailed update) {
        return null;
    }

    @Override
    public Void asset(ServerMessage.AssetUpdate update) {
        assets(update.assets().size() + update.removed().size());
        for (String removed : update.removed()) {
            if (AssetFile.problem(removed) != null) {
                throw new WireException(Protocol.CLOSE_BAD_MESSAGE, "removed asset path '" + removed + "' "
                        + AssetFile.problem(removed), null);
            }
        }
        return null;
    }

    private void classes(List<ClassFile> classes) {
        if (classes.size() > limits.classesPerUpdate()) {
            throw new WireException(Protocol.CLOSE_TOO_BIG, "update carries " + classes.size()
                    + " classes; the limit is " + limits.classesPerUpdate(), null);
        }
    }

    private void assets(int count) {
        if (count > limits.classesPerUpdate()) {
            throw new WireException(Protocol.CLOSE_TOO_BIG, "update carries " + count
                    + " assets; the limit is " + limits.classesPerUpdate(), null);
        }
    }

    private void nodes(String scene, SceneNode root) {
        int count = root.nodeCount();
        if (count > limits.sceneNodes()) {
            throw new WireException(Protocol.CLOSE_TOO_BIG, "scene '" + scene + "' has " + count
                    + " nodes; the limit is " + limits.sceneNodes(), null);
        }
    }
}
