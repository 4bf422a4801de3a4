package dev.hotframe.viewer.window;

import dev.hotframe.app.InputEvent;
import dev.hotframe.viewer.backend.Backend;
import dev.hotframe.viewer.frame.RenderTarget;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;
import java.util.function.Consumer;

/**
 * Frames drawn by a {@link Backend}, in a window or offscreen (no window, or GLFW's null
 * platform). Follows the window's framebuffer size and content scale: the canvas is in
 * logical pixels and {@link #scale()} maps them to physical ones.
 */
public final class WindowTarget implements RenderTarget {

    private final GlfwWindow window;
    private final Backend backend;
    private final boolean offscreen;
    private int width;
    private int height;
    private float scale = 1f;
    /** Window coordinates per logical pixel: above 1 where the window system has no logical pixels (X11 on HiDPI). */
    private float inputScale = 1f;

    WindowTarget(GlfwWindow window, Backend backend, boolean offscreen, int width, int height) {
        this.window = window;
        this.backend = backend;
        this.offscreen = offscreen;
        this.width = width;
        this.height = height;
        if (!offscreen) {
            followWindow();
        }
    }

    private void followWindow() {
        int[] sizes = window.sizes();
        float content = window.contentScale();
        if (sizes[0] == sizes[2] && content > 1f) {
            // X11: the window is in physical pixels (GLFW scaled it to the monitor); the app still draws in logical ones.
            inputScale = content;
            width = Math.max(1, Math.round(sizes[2] / content));
            height = Math.max(1, Math.round(sizes[3] / content));
            scale = content;
        } else {
            inputScale = 1f;
            width = sizes[2];
            height = sizes[3];
            scale = (float) sizes[0] / sizes[2];
        }
        backend.resize(sizes[0], sizes[1]);
    }

    /** The backend, for the HUD and for doctor. */
    public Backend backend() {
        return backend;
    }

    @Override
    public Surface surface() {
        if (!offscreen && window.takeResized()) {
            followWindow();
        }
        return backend.surface();
    }

    @Override
    public Image snapshot() {
        return backend.snapshot();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public float scale() {
        return scale;
    }

    @Override
    public void present() {
        backend.present();
    }

    @Override
    public void poll(Consumer<InputEvent> input) {
        if (window != null && !offscreen) {
            window.poll(inputScale == 1f ? input : event -> input.accept(event instanceof InputEvent.Pointer p
                    ? new InputEvent.Pointer(p.kind(), p.x() / inputScale, p.y() / inputScale, p.button()) : event));
        }
    }

    @Override
    public boolean closeRequested() {
        return window != null && !offscreen && window.closeRequested();
    }

    @Override
    public void title(String title) {
        if (window != null && !offscreen) {
            window.title(title);
        }
    }

    @Override
    public String describe() {
        return backend.describe() + (offscreen ? ", offscreen " : ", window ") + width + "x" + height
                + (scale != 1f ? " @" + scale + "x" : "");
    }

    @Override
    public void close() {
        backend.close();
        if (window != null) {
            window.close();
        }
    }
}
