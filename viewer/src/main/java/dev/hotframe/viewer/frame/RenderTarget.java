package dev.hotframe.viewer.frame;

import dev.hotframe.app.InputEvent;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;
import java.util.function.Consumer;

/** Where frames go: a raster surface for headless runs, or a window. Used from the render thread only. */
public interface RenderTarget extends AutoCloseable {

    /** The surface to draw the next frame on (recreated after a resize). */
    Surface surface();

    /** A CPU copy of the frame just drawn, for writing to disk. The caller closes it. */
    default Image snapshot() {
        return surface().makeImageSnapshot();
    }

    /** Logical width and height; the canvas is pre-scaled for HiDPI. */
    int width();

    int height();

    /** Content scale (2 on a Retina display). */
    default float scale() {
        return 1f;
    }

    /** Shows the frame that was drawn. */
    void present();

    /** Delivers pending input events. */
    default void poll(Consumer<InputEvent> input) {
    }

    /** True once the user asked to close. */
    default boolean closeRequested() {
        return false;
    }

    /** Sets the window title, where there is one. */
    default void title(String title) {
    }

    /** A short description for logs, such as {@code "raster 800x600"}. */
    String describe();

    @Override
    void close();
}
