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
