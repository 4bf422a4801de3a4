package dev.hotframe.viewer.backend;

import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;

/**
 * Makes the Skija surface a frame is drawn on and shows it, so that the frame loop, the app and
 * the scene draw on a {@code Canvas} the same way on Vulkan, OpenGL and the CPU. Used from the
 * render thread only; sizes are in physical pixels.
 */
public interface Backend extends AutoCloseable {

    BackendKind kind();

    /** The device that draws, as its driver names it: {@code "llvmpipe (LLVM 15.0.6, 256 bits)"}, or {@code "CPU"}. */
    String device();

    /** True when {@link #device()} is a GPU emulated on the CPU (llvmpipe, lavapipe, SwiftShader). */
    boolean software();

    /** The surface for the next frame; the same object until {@link #resize} or a swapchain recreation. */
    Surface surface();

    /** Recreates the surface (and swapchain) for a new framebuffer size. */
    void resize(int pixelWidth, int pixelHeight);

    /** Shows the frame drawn on {@link #surface()}: flush, then swap or present. */
    void present();

    /** A CPU copy of the last frame; the caller closes it. */
    default Image snapshot() {
        Surface surface = surface();
        Bitmap pixels = new Bitmap();
        pixels.allocPixels(ImageInfo.makeN32Premul(surface.getWidth(), surface.getHeight()));
        if (!surface.readPixels(pixels, 0, 0)) {
            pixels.close();
            throw new IllegalStateException("could not read the frame's pixels back from " + kind().label());
        }
        pixels.setImmutable();
        Image image = Image.makeRasterFromBitmap(pixels);
        pixels.close();
        return image;
    }

    /** {@code "vulkan on llvmpipe (LLVM 15.0.6, 256 bits)"}. */
    default String describe() {
        return kind().label() + " on " + device();
    }

    @Override
    void close();
}
