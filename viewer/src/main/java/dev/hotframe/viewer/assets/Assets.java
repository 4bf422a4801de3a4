package dev.hotframe.viewer.assets;

import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.RuntimeEffect;
import io.github.humbleui.skija.paragraph.FontCollection;

/**
 * The project's assets as this viewer holds them now: images, fonts and SkSL shaders from the
 * project's {@code assets/} folder, named by their project-relative path ({@code "assets/logo.png"}).
 * Render thread only. Nothing here throws for a missing or broken asset: the scene draws a visible
 * placeholder and reports a warning instead.
 */
public interface Assets {

    /** The decoded image at {@code path}, or null when the viewer does not have it (yet) or it does not decode. */
    Image image(String path);

    /**
     * The last shader at {@code path} that compiled, or null when none has. A shader whose new
     * source fails to compile keeps the last good effect here; the error goes to the overlay.
     */
    RuntimeEffect shader(String path);

    /**
     * Fonts for paragraph layout: the project's fonts under {@code assets/}, then the system's
     * through {@code FontMgr}, then the fallback bundled in the viewer, so text never disappears.
     */
    FontCollection fonts();

    /** Grows by one whenever any asset changes, so caches (decoded text layout, shaders) can tell they are stale. */
    long version();
}
