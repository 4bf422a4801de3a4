package dev.hotframe.viewer.backend;

import static org.lwjgl.glfw.GLFW.glfwSwapBuffers;
import static org.lwjgl.opengl.GL11.GL_RENDERER;
import static org.lwjgl.opengl.GL11.glGetString;

import io.github.humbleui.skija.BackendRenderTarget;
import io.github.humbleui.skija.ColorSpace;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.DirectContext;
import io.github.humbleui.skija.FramebufferFormat;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.skija.SurfaceOrigin;
import org.lwjgl.opengl.GL;

/**
 * Skia on OpenGL, drawing straight into the default framebuffer of a GLFW window whose context
 * is current on this thread; {@link #present()} swaps buffers (vsync is the swap interval).
 */
public final class GlBackend implements Backend {

    private final long window;
    private final DirectContext context;
    private final String renderer;
    private BackendRenderTarget renderTarget;
    private Surface surface;

    /** @param window a GLFW window with a current OpenGL context */
    public GlBackend(long window, int pixelWidth, int pixelHeight) {
        BackendKind.GL.failIfForced();
        this.window = window;
        renderer = rendererName();
        context = DirectContext.makeGL();
        resize(pixelWidth, pixelHeight);
    }

    /** GL_RENDERER of the current context, creating LWJGL's function table for it first. */
    public static String rendererName() {
        GL.createCapabilities();
        String name = glGetString(GL_RENDERER);
        if (name == null) {
            throw new IllegalStateException("the OpenGL context does not answer glGetString(GL_RENDERER)");
        }
        return name;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.GL;
    }

    @Override
    public String device() {
        return renderer;
    }

    @Override
    public boolean software() {
        return SoftwareRenderers.isSoftware(renderer);
    }

    @Override
    public Surface surface() {
        return surface;
    }

    @Override
    public void resize(int pixelWidth, int pixelHeight) {
        if (surface != null && surface.getWidth() == pixelWidth && surface.getHeight() == pixelHeight) {
            return;
        }
        if (surface != null) {
            surface.close();
            renderTarget.close();
        }
        renderTarget = BackendRenderTarget.makeGL(pixelWidth, pixelHeight, 0, 8, 0, FramebufferFormat.GR_GL_RGBA8);
        surface = Surface.makeFromBackendRenderTarget(context, renderTarget, SurfaceOrigin.BOTTOM_LEFT,
                ColorType.RGBA_8888, ColorSpace.getSRGB());
        if (surface == null) {
            throw new IllegalStateException("Skia could not wrap the OpenGL framebuffer (" + renderer + ")");
        }
    }

    @Override
    public void present() {
        context.flushAndSubmit(surface);
        glfwSwapBuffers(window);
    }

    @Override
    public void close() {
        surface.close();
        renderTarget.close();
        context.abandon();
        context.close();
    }
}
