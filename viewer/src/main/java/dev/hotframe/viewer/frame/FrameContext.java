package dev.hotframe.viewer.frame;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.app.Frame;
import dev.hotframe.app.ProjectAssets;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.viewer.reload.guard.ViewerTime;
import dev.hotframe.viewer.scene.RetainedScenes;
import dev.hotframe.viewer.scene.SceneRenderer;
import io.github.humbleui.skija.Canvas;
import java.util.function.Supplier;

/**
 * The {@link Frame} handed to the app's render: canvas, size, scale, clock, pointer, the retained scenes and the assets.
 * Drawing a scene is the viewer's own work ({@link ViewerTime}): the app is neither charged nor blamed for it.
 */
final class FrameContext implements Frame {

    /** The target's size and scale, and where the pointer was last seen, in logical pixels. */
    record View(int width, int height, float scale, double pointerX, double pointerY) {
    }

    private final Canvas canvas;
    private final View view;
    private final double time;
    private final RetainedScenes scenes;
    private final SceneRenderer renderer;
    private final Supplier<JsonNode> state;
    private final ProjectAssets assets;
    private JsonNode stateTree;

    FrameContext(Canvas canvas, View view, double time, RetainedScenes scenes, SceneRenderer renderer,
                 Supplier<JsonNode> state, ProjectAssets assets) {
        this.assets = assets;
        this.canvas = canvas;
        this.view = view;
        this.time = time;
        this.scenes = scenes;
        this.renderer = renderer;
        this.state = state;
    }

    @Override
    public ProjectAssets assets() {
        return assets;
    }

    @Override
    public Canvas canvas() {
        return canvas;
    }

    @Override
    public int width() {
        return view.width();
    }

    @Override
    public int height() {
        return view.height();
    }

    @Override
    public float scale() {
        return view.scale();
    }

    @Override
    public double pointerX() {
        return view.pointerX();
    }

    @Override
    public double pointerY() {
        return view.pointerY();
    }

    @Override
    public double timeSeconds() {
        return time;
    }

    @Override
    public void scene(String name) {
        scene(name, java.util.Map.of());
    }

    @Override
    public void scene(String name, java.util.Map<String, dev.hotframe.app.Painter> painters) {
        SceneNode root = scenes.get(name);
        if (root == null) {
            renderer.warn("scene '" + name + "' does not exist; known scenes: " + scenes.names());
            return;
        }
        if (stateTree == null) {
            stateTree = state.get();
        }
        java.util.Map<String, dev.hotframe.app.Painter> theApps = new java.util.LinkedHashMap<>();
        if (painters != null) {
            // A custom node's painter is the app's code: its time and its failures are the app's again.
            painters.forEach((key, painter) -> theApps.put(key, painter == null ? null
                    : (c, w, h) -> ViewerTime.app(() -> painter.paint(c, w, h))));
        }
        JsonNode bound = stateTree;
        ViewerTime.viewer("drawing scene '" + name + "'",
                () -> renderer.draw(name, canvas, root, bound, theApps, time, view.width(), view.height()));
    }
}
