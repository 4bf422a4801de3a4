package dev.hotframe.viewer.scene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.app.Painter;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.viewer.assets.Assets;
import dev.hotframe.viewer.render.Fonts;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.types.Rect;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws retained scenes: resolves bindings against the app state, lays out (reusing the
 * layout of every subtree that did not change), paints, and records which nodes listen to
 * input. Problems (a missing binding, image, shader or painter, a value of the wrong kind, a
 * node that takes too long to draw) are drawn visibly and collected as warnings; they never throw. Render thread only.
 */
public final class SceneRenderer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SceneRenderer.class);
    /** How long the viewer may take to draw one node (without its children) before it holds the node. */
    public static final Duration DRAW_LIMIT = Duration.ofSeconds(2);

    /** The caches of one scene, kept between frames. */
    private static final class Retained {
        final Resolver resolver;
        final TextCache text;
        final SceneLayout layout;

        Retained(Assets assets, Set<String> warnings) {
            resolver = new Resolver(warnings);
            text = new TextCache(assets);
            layout = new SceneLayout(assets, text);
        }
    }

    private final Assets assets;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final SceneEvents events = new SceneEvents();
    private final SlowNodes slow;
    private final NodePainter painter;
    private final Map<String, Retained> retained = new HashMap<>();
    private Set<String> logged = Set.of();

    /** A renderer with {@link DefaultAssets}: no images or shaders yet, fonts from the system and the viewer. */
    public SceneRenderer(Fonts fonts) {
        this(new DefaultAssets());
    }

    public SceneRenderer(Assets assets) {
        this(assets, DRAW_LIMIT);
    }

    /** @param drawLimit how long one node may take to draw itself before it is held ({@link SlowNodes}) */
    public SceneRenderer(Assets assets, Duration drawLimit) {
        this.assets = assets;
        this.slow = new SlowNodes(drawLimit.toNanos());
        this.painter = new NodePainter(assets, warnings, events, slow);
    }

    /** Draws {@code root} in the canvas's clip bounds with bindings looked up in {@code state} (may be null). */
    public void draw(Canvas canvas, SceneNode root, JsonNode state) {
        Rect clip = canvas.getLocalClipBounds();
        draw("", canvas, root, state, Map.of(), 0, clip.getWidth(), clip.getHeight());
    }

    /**
     * Draws the scene {@code name} in a frame of {@code width} x {@code height} logical pixels.
     * {@code painters} draw its {@code custom} nodes; {@code time} feeds shaders' {@code time}.
     */
    public void draw(String name, Canvas canvas, SceneNode root, JsonNode state, Map<String, Painter> painters,
                     double time, float width, float height) {
        Retained r = retained.computeIfAbsent(name, k -> new Retained(assets, warnings));
        ResolvedNode resolved = r.resolver.resolve(root, state);
        if (resolved == null) {
            return;
        }
        LaidOut laid = r.layout.layout(resolved, width, height);
        try {
            painter.draw(canvas, laid, painters, time);
        } finally {
            r.text.sweep();
        }
    }

    /** How many nodes the last draw of scene {@code name} laid out again (the rest came from the cache). */
    int laidOutLastTime(String name) {
        Retained r = retained.get(name);
        return r == null ? 0 : r.layout.computedLastTime();
    }

    /** Called before the app draws a frame: where logical pixels land on the device. */
    public void beginFrame(float[] baseMatrix) {
        events.base(baseMatrix);
    }

    /** Called after the app drew a frame: its listening nodes become the ones input is tested against. */
    public void endFrame() {
        events.publish();
    }

    /** The input-to-action mapping of the last frame drawn. */
    public SceneEvents events() {
        return events;
    }

    /**
     * Warnings collected since the last call, e.g. a binding to a field the state lacks. Each one
     * is also logged once when it appears (not every frame), so the terminal shows it too.
     */
    public Set<String> drainWarnings() {
        Set<String> copy = Set.copyOf(warnings);
        warnings.clear();
        for (String warning : copy) {
            if (!logged.contains(warning)) {
                log.warn("scene: {}", warning);
            }
        }
        logged = copy;
        return copy;
    }

    /** The nodes held because they took too long to draw, as warnings that name them and their assets. */
    public List<String> slowNodes() {
        return slow.warnings();
    }

    /** A scene or an asset changed: the nodes held for slow drawing are drawn again. */
    public void drawingChanged() {
        slow.release();
    }

    /** Records a warning to show, e.g. a scene that does not exist. */
    public void warn(String warning) {
        warnings.add(warning);
    }
}
