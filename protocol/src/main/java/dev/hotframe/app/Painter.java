package dev.hotframe.app;

import io.github.humbleui.skija.Canvas;

/**
 * Draws a scene's {@code custom} node in Java. The scene decides where the node goes and how
 * big it is; the painter fills the box. The canvas is translated to the box's top-left corner
 * and clipped to it. Pass painters by name when drawing the scene:
 *
 * <pre>{@code
 * // scenes/main.json: { "id": "chart", "type": "custom", "paint": "chart", "w": "1fr", "h": 300 }
 * frame.scene("main", Map.of("chart", (canvas, w, h) -> drawChart(canvas, state, w, h)));
 * }</pre>
 */
@FunctionalInterface
public interface Painter {

    /** Paints into the box {@code (0, 0, width, height)}. */
    void paint(Canvas canvas, float width, float height);
}
