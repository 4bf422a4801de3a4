package dev.hotframe.viewer.headless;

import dev.hotframe.viewer.frame.RenderTarget;
import io.github.humbleui.skija.Surface;

/** A CPU raster surface: no window, no GPU, byte-identical output on every JDK. */
public final class RasterTarget implements RenderTarget {

    private final Surface surface;
    private final int width;
    private final int height;

    public RasterTarget(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("size must be positive, was " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.surface = Surface.makeRasterN32Premul(width, height);
    }

    @Override
    public Surface surface() {
        return surface;
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
    public void present() {
        // Raster pixels are final as soon as drawing returns.
    }

    @Override
    public String describe() {
        return "raster " + width + "x" + height;
    }

    @Override
    public void close() {
        surface.close();
    }
}
