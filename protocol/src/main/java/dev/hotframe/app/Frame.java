package dev.hotframe.app;

import io.github.humbleui.skija.Canvas;

/** One frame being drawn: the canvas, its size, the clock, and the scenes from {@code scenes/}. */
public interface Frame {

    /** The Skija canvas for this frame. Do not keep it after {@code render} returns. */
    Canvas canvas();

    /** The width in logical pixels. */
    int width();

    /** The height in logical pixels. */
    int height();

    /** Seconds since the viewer started the app; keeps counting across reloads. */
    double timeSeconds();

    /**
     * Physical pixels per logical pixel: 2 on a typical HiDPI screen, 1 headless. The canvas is
     * already scaled by it, so drawing uses logical pixels; use it to size offscreen surfaces and
     * images (what Skija examples take as {@code scale} or {@code dpi}).
     */
    default float scale() {
        return 1f;
    }

    /**
     * Where the pointer was last seen, in logical pixels from the frame's top-left corner, after
     * this frame's input events: what Skija examples take as {@code xpos}. 0 until it first moves.
     */
    default double pointerX() {
        return 0;
    }

    /** Where the pointer was last seen, in logical pixels from the top: see {@link #pointerX()}. */
    default double pointerY() {
        return 0;
    }

    /**
     * The project's images, fonts, shaders and other asset bytes, by path ({@code "assets/logo.png"}),
     * as the viewer holds them now; see {@link ProjectAssets} for who owns them and how to learn
     * that one changed.
     */
    default ProjectAssets assets() {
        return ProjectAssets.none();
    }

    /**
     * Draws the scene {@code scenes/<name>.json}, binding {@code ${field}} placeholders to the
     * app state. A missing scene or binding is drawn as a visible warning, never an exception.
     */
    void scene(String name);

    /**
     * Draws the scene {@code scenes/<name>.json} like {@link #scene(String)}, with {@code painters}
     * drawing its {@code custom} nodes by their {@code "paint"} name.
     */
    default void scene(String name, java.util.Map<String, Painter> painters) {
        scene(name);
    }
}
