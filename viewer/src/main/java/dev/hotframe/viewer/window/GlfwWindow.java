package dev.hotframe.viewer.window;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.system.MemoryUtil.NULL;

import dev.hotframe.app.InputEvent;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Consumer;
import org.lwjgl.glfw.GLFWErrorCallback;

/**
 * A GLFW window and its input. {@link Api#NONE} is for Vulkan; {@link Api#GL_OFFSCREEN} uses
 * GLFW's null platform with an EGL context, so OpenGL works with no display at all. Input
 * arrives in logical coordinates (the app's canvas is pre-scaled by {@link #scale()}). Must be
 * created, used and closed on one thread (the main thread on macOS).
 */
final class GlfwWindow implements AutoCloseable {

    /** The client API the window is created for. */
    enum Api { GL, NONE, GL_OFFSCREEN }

    private final long handle;
    private final Queue<InputEvent> events = new ArrayDeque<>();
    private double mouseX;
    private double mouseY;
    private boolean resized = true;

    GlfwWindow(String title, int width, int height, Api api) {
        GLFWErrorCallback previous = glfwSetErrorCallback(GLFWErrorCallback.createPrint(System.err));
        if (previous != null) {
            previous.free();
        }
        if (api == Api.GL_OFFSCREEN) {
            glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_NULL);
        } else if (System.getenv("WAYLAND_DISPLAY") == null && System.getenv("DISPLAY") != null
                && glfwPlatformSupported(GLFW_PLATFORM_X11)) {
            glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_X11);
        } else {
            glfwInitHint(GLFW_PLATFORM, GLFW_ANY_PLATFORM);
        }
        if (!glfwInit()) {
            throw new IllegalStateException("GLFW could not initialize (no display?)");
        }
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_VISIBLE, api == Api.GL_OFFSCREEN ? GLFW_FALSE : GLFW_TRUE);
        glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
        glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
        glfwWindowHint(GLFW_COCOA_RETINA_FRAMEBUFFER, GLFW_TRUE);
        if (api == Api.NONE) {
            glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
        } else if (api == Api.GL_OFFSCREEN) {
            glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_EGL_CONTEXT_API);
        }
        handle = glfwCreateWindow(width, height, title, NULL, NULL);
        if (handle == NULL) {
            glfwTerminate();
            throw new IllegalStateException("GLFW could not create " + (api == Api.NONE ? "a window for Vulkan"
                    : "an OpenGL window") + " (see the GLFW error above)");
        }
        if (api != Api.NONE) {
            glfwMakeContextCurrent(handle);
            glfwSwapInterval(1);
        }
        installCallbacks();
    }

    long handle() {
        return handle;
    }

    private void installCallbacks() {
        glfwSetFramebufferSizeCallback(handle, (w, fbw, fbh) -> resized = true);
        glfwSetWindowContentScaleCallback(handle, (w, sx, sy) -> resized = true);
        glfwSetKeyCallback(handle, (w, key, scancode, action, mods) -> {
            if (action != GLFW_REPEAT) {
                events.add(new InputEvent.Key(Keys.name(key), action == GLFW_PRESS));
            }
        });
        glfwSetCharCallback(handle, (w, codepoint) -> events.add(new InputEvent.Text(new String(Character.toChars(codepoint)))));
        glfwSetCursorPosCallback(handle, (w, x, y) -> {
            mouseX = x;
            mouseY = y;
            events.add(new InputEvent.Pointer(InputEvent.PointerKind.MOVE, x, y, -1));
        });
        glfwSetMouseButtonCallback(handle, (w, button, action, mods) -> events.add(new InputEvent.Pointer(
                action == GLFW_PRESS ? InputEvent.PointerKind.DOWN : InputEvent.PointerKind.UP, mouseX, mouseY, button)));
        glfwSetScrollCallback(handle, (w, dx, dy) -> events.add(new InputEvent.Scroll(dx, dy)));
    }

    /** True once after the framebuffer size or the content scale changed. */
    boolean takeResized() {
        boolean was = resized;
        resized = false;
        return was;
    }

    /** {framebuffer width, height, window width, height}, each at least 1 (a minimized window is 0x0). */
    int[] sizes() {
        int[] fw = new int[1];
        int[] fh = new int[1];
        int[] ww = new int[1];
        int[] wh = new int[1];
        glfwGetFramebufferSize(handle, fw, fh);
        glfwGetWindowSize(handle, ww, wh);
        return new int[] {Math.max(1, fw[0]), Math.max(1, fh[0]), Math.max(1, ww[0]), Math.max(1, wh[0])};
    }

    /** The monitor's content scale as the desktop sets it (2 on a HiDPI screen), the larger of x and y. */
    float contentScale() {
        float[] x = new float[1];
        float[] y = new float[1];
        glfwGetWindowContentScale(handle, x, y);
        return Math.max(1f, Math.max(x[0], y[0]));
    }

    void poll(Consumer<InputEvent> input) {
        glfwPollEvents();
        InputEvent event;
        while ((event = events.poll()) != null) {
            input.accept(event);
        }
    }

    boolean closeRequested() {
        return glfwWindowShouldClose(handle);
    }

    void title(String title) {
        glfwSetWindowTitle(handle, title);
    }

    @Override
    public void close() {
        glfwDestroyWindow(handle);
        glfwTerminate();
        GLFWErrorCallback callback = glfwSetErrorCallback(null);
        if (callback != null) {
            callback.free();
        }
    }
}
