package dev.hotframe.viewer.scene;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scene nodes whose own drawing (the node without its children, and without a custom
 * painter, which is app code) took longer than the limit, such as a huge image or a heavy
 * shader. Such a node is held: drawn as a placeholder, with a warning naming it and its asset,
 * until a scene or an asset changes ({@link #release}), so that one slow node does not stall
 * every frame. The app is not blamed for it. The warning is logged once, by the scene renderer.
 * Render thread only.
 */
final class SlowNodes {

    private static final Logger log = LoggerFactory.getLogger(SlowNodes.class);

    private final long limitNanos;
    /** The held nodes' names ({@code image node 'logo' (assets/logo.png)}) and their warnings. */
    private final Map<String, String> held = new LinkedHashMap<>();

    SlowNodes(long limitNanos) {
        if (limitNanos <= 0) {
            throw new IllegalArgumentException("'limit' must be positive, was " + limitNanos + " ns");
        }
        this.limitNanos = limitNanos;
    }

    /** The warning of node {@code n} if it is held, or null when it is drawn. */
    String held(ResolvedNode n) {
        return held.isEmpty() ? null : held.get(name(n));
    }

    /** Node {@code n} took {@code nanos} to draw itself; returns its warning if that made it held, or null. */
    String drew(ResolvedNode n, long nanos) {
        if (nanos <= limitNanos) {
            return null;
        }
        String name = name(n);
        String warning = "drawing " + name + " took " + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms, over the viewer's limit of "
                + TimeUnit.NANOSECONDS.toMillis(limitNanos) + " ms; it is drawn as a placeholder until a scene or an asset changes";
        held.put(name, warning);
        return warning;
    }

    /** The warnings of every held node. */
    List<String> warnings() {
        return new ArrayList<>(held.values());
    }

    /** A scene or an asset changed: every node is drawn again. */
    void release() {
        if (!held.isEmpty()) {
            log.info("a scene or an asset changed; drawing {} again", String.join(", ", held.keySet()));
            held.clear();
        }
    }

    /** {@code image node 'logo' (assets/logo.png)}: the node's type and id, and the asset it draws. */
    static String name(ResolvedNode n) {
        String src = n.string("src", "");
        return n.type + " node '" + n.id + "'" + (src.isEmpty() ? "" : " (" + src + ")");
    }
}
