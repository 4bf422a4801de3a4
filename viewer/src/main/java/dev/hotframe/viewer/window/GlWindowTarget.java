package dev.hotframe.viewer.window;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.system.MemoryUtil.NULL;

import dev.hotframe.app.InputEvent;
import dev.hotframe.viewer.frame.RenderTarget;
import io.github.humbleui.skija.BackendRenderTarget;
import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.ColorSpace;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.DirectContext;
import io.github.humbleui.skija.FramebufferFormat;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.skija.SurfaceOrigin;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Consumer;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.opengl.GL;

/**
 * A GLFW window with an OpenGL context; Skija draws straight into its framebuffer. Vsync paces
 * the loop. Must be created, used and closed on one thread (the main thread on macOS).
 */
public final class GlWindowTarget implements RenderTarget {

    private final long window;
    private final DirectContext context;
    private final Queue<InputEvent> events = new ArrayDeque<>();
    private BackendRenderTarget renderTarget;
    private Surface surface;
    private int width;
    private int height;
    private float scale = 1f;
    private int pixelWidth;
    private int pixelHeight;
    private double mouseX;
    private double mouseY;

    /** Opens the window; throws {@link IllegalStateException} with the reason when it cannot. */
    public GlWindowTarget(String title, int width, int height) {
        GLFWErrorCallback.createPrint(System.err).set();
        if (System.getenv("WAYLAND_DISPLAY") == null && System.getenv("DISPLAY") != null
                && glfwPlatformSupported(GLFW_PLATFORM_X11)) {
            glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_X11);
        }
        if (!glfwInit()) {
            throw new IllegalStateException("GLFW could not initialize (no display?)");
        }
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
        glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
        glfwWindowHint(GLFW_COCOA_RETINA_FRAMEBUFFER, GLFW_TRUE);
        window = glfwCreateWindow(width, height, title, NULL, NULL);
        if (window == NULL) {
            glfwTerminate();
            throw new IllegalStateException("GLFW could not create an OpenGL window");
        }
        glfwMakeContextCurrent(window);
        glfwSwapInterval(1);
        GL.createCapabilities();
        context = DirectContext.makeGL();
        installCallbacks();
        glfwShowWindow(window);
        resize();
    }

    private void installCallbacks() {
        glfwSetFramebufferSizeCallback(window, (w, fbw, fbh) -> resize());
        glfwSetKeyCallback(window, (w, key, scancode, action, mods) -> {
            if (action != GLFW_REPEAT) {
                events.add(new InputEvent.Key(Keys.name(key), action == GLFW_PRESS));
            }
        });
        glfwSetCharCallback(window, (w, codepoint) -> events.add(new InputEvent.Text(new String(Character.toChars(codepoint)))));
        glfwSetCursorPosCallback(window, (w, x, y) -> {
            mouseX = x;
            mouseY = y;
            events.add(new InputEvent.Pointer(InputEvent.PointerKind.MOVE, x, y, -1));
        });
        glfwSetMouseButtonCallback(window, (w, button, action, mods) -> events.add(new InputEvent.Pointer(
                action == GLFW_PRESS ? InputEvent.PointerKind.DOWN : InputEvent.PointerKind.UP, mouseX, mouseY, button)));
        glfwSetScrollCallback(window, (w, dx, dy) -> events.add(new InputEvent.Scroll(dx, dy)));
    }

    private void resize() {
        int[] w = new int[1];
        int[] h = new int[1];
        glfwGetFramebufferSize(window, w, h);
        int[] lw = new int[1];
        int[] lh = new int[1];
        glfwGetWindowSize(window, lw, lh);
        pixelWidth = Math.max(1, w[0]);
        pixelHeight = Math.max(1, h[0]);
        width = Math.max(1, lw[0]);
        height = Math.max(1, lh[0]);
        scale = (float) pixelWidth / width;
        if (surface != null) {
            surface.close();
        }
        if (renderTarget != null) {
            renderTarget.close();
        }
        renderTarget = BackendRenderTarget.makeGL(pixelWidth, pixelHeight, 0, 8, 0, FramebufferFormat.GR_GL_RGBA8);
        surface = Surface.makeFromBackendRenderTarget(context, renderTarget, SurfaceOrigin.BOTTOM_LEFT,
                ColorType.RGBA_8888, ColorSpace.getSRGB());
    }

    @Override
    public Surface surface() {
        return surface;
    }

    @Override
    public Image snapshot() {
        Bitmap pixels = new Bitmap();
        pixels.allocPixels(ImageInfo.makeN32Premul(pixelWidth, pixelHeight));
        if (!surface.readPixels(pixels, 0, 0)) {
            pixels.close();
            throw new IllegalStateException("could not read the window's pixels back from the GPU");
        }
        pixels.setImmutable();
        Image image = Image.makeRasterFromBitmap(pixels);
        pixels.close();
        return image;
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
        context.flushAndSubmit(surface);
        glfwSwapBuffers(window);
    }

    @Override
    public void poll(Consumer<InputEvent> input) {
        glfwPollEvents();
        InputEvent event;
        while ((event = events.poll()) != null) {
            input.accept(event);
        }
    }

    @Override
    public boolean closeRequested() {
        return glfwWindowShouldClose(window);
    }

    @Override
    public void title(String title) {
        glfwSetWindowTitle(window, title);
    }

    @Override
    public String describe() {
        return "OpenGL window " + width + "x" + height + (scale != 1f ? " @" + scale + "x" : "");
    }

    @Override
    public void close() {
        surface.close();
        renderTarget.close();
        context.abandon();
        context.close();
        glfwDestroyWindow(window);
        glfwTerminate();
    }
}
