package dev.hotframe.viewer.backend;

import static org.lwjgl.glfw.GLFW.glfwSwapBuffers;
import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL12.GL_BGRA;
import static org.lwjgl.opengl.GL30.*;

import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.Pixmap;
import io.github.humbleui.skija.Surface;

/**
 * Skia on the CPU. Headless ({@code window == 0}) the pixels are final when drawing returns and
 * byte-identical on every JDK, which golden frames need. In a window the frame is uploaded to a
 * texture and blitted to the window's framebuffer: on a machine whose only GPU is emulated
 * (llvmpipe) that is 2-3 times faster than drawing with it (BENCHMARKS.md).
 */
public final class RasterBackend implements Backend {

    private final long window;
    private final String blitter;
    private Surface surface;
    private int texture;
    private int framebuffer;

    /** @param window a GLFW window with a current OpenGL context to blit into, or 0 for headless */
    public RasterBackend(long window, int pixelWidth, int pixelHeight) {
        BackendKind.RASTER.failIfForced();
        this.window = window;
        if (window != 0) {
            blitter = GlBackend.rendererName();
            texture = glGenTextures();
            framebuffer = glGenFramebuffers();
        } else {
            blitter = null;
        }
        resize(pixelWidth, pixelHeight);
    }

    @Override
    public BackendKind kind() {
        return BackendKind.RASTER;
    }

    @Override
    public String device() {
        return blitter == null ? "CPU" : "CPU, shown through OpenGL (" + blitter + ")";
    }

    @Override
    public boolean software() {
        return true;
    }

    @Override
    public Surface surface() {
        return surface;
    }

    @Override
    public void resize(int pixelWidth, int pixelHeight) {
        if (pixelWidth <= 0 || pixelHeight <= 0) {
            throw new IllegalArgumentException("size must be positive, was " + pixelWidth + "x" + pixelHeight);
        }
        if (surface != null && surface.getWidth() == pixelWidth && surface.getHeight() == pixelHeight) {
            return;
        }
        if (surface != null) {
            surface.close();
        }
        surface = Surface.makeRasterN32Premul(pixelWidth, pixelHeight);
        if (window != 0) {
            glBindTexture(GL_TEXTURE_2D, texture);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, pixelWidth, pixelHeight, 0, GL_RGBA, GL_UNSIGNED_BYTE, 0L);
            glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
            glFramebufferTexture2D(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
            glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        }
    }

    @Override
    public void present() {
        if (window == 0) {
            return;
        }
        int w = surface.getWidth();
        int h = surface.getHeight();
        try (Pixmap pixels = new Pixmap()) {
            if (!surface.peekPixels(pixels)) {
                throw new IllegalStateException("the raster surface has no readable pixels");
            }
            int format = surface.getImageInfo().getColorType() == ColorType.RGBA_8888 ? GL_RGBA : GL_BGRA;
            glBindTexture(GL_TEXTURE_2D, texture);
            glPixelStorei(GL_UNPACK_ROW_LENGTH, (int) (pixels.getRowBytes() / 4));
            nglTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, w, h, format, GL_UNSIGNED_BYTE, pixels.getAddr());
            glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        }
        glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
        // Skia's rows go top-down, OpenGL's bottom-up: the blit flips.
        glBlitFramebuffer(0, 0, w, h, 0, h, w, 0, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        glfwSwapBuffers(window);
    }

    @Override
    public void close() {
        surface.close();
        if (window != 0) {
            glDeleteFramebuffers(framebuffer);
            glDeleteTextures(texture);
        }
    }
}
