package dev.hotframe.app;

import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.RuntimeEffect;
import io.github.humbleui.skija.Typeface;

/**
 * The project's assets as the viewer holds them now (the files under {@code assets/} that the dev
 * server sent), by project-relative path: {@code "assets/logo.png"}. Each method hands out the
 * current version, so an image replaced on disk draws anew on the next frame.
 *
 * <p>The native objects returned belong to the viewer: do not close them. They stay valid until
 * that asset changes or is removed; so keep one across frames only together with the
 * {@link #version(String)} it came with, and rebuild what you made from it when that changes:
 *
 * <pre>{@code
 * long seen = f.assets().version("assets/glow.sksl");
 * if (seen != effectVersion) {            // new SkSL arrived: rebuild the shader built from it
 *     effectVersion = seen;
 *     RuntimeEffect effect = f.assets().shader("assets/glow.sksl");
 *     ...
 * }
 * Image logo = f.assets().image("assets/logo.png");   // null until the viewer has it
 * if (logo != null) f.canvas().drawImage(logo, 10, 10);
 * }</pre>
 *
 * Call it from the app's {@code render}, {@code update} or {@code input} (the render thread).
 */
public interface ProjectAssets {

    /** The decoded image at {@code path}, or null when the viewer does not have one there. */
    Image image(String path);

    /** The font at {@code path} ({@code "assets/fonts/Inter.ttf"}), or null. */
    Typeface typeface(String path);

    /** The SkSL shader at {@code path}, compiled: the last version that compiled, or null when none has. */
    RuntimeEffect shader(String path);

    /** A copy of the bytes of the asset at {@code path} as the server sent them, or null when the viewer does not have it. */
    byte[] bytes(String path);

    /** A number that changes whenever the asset at {@code path} changes or is removed; 0 for one never held. */
    long version(String path);

    /** A number that changes whenever any asset changes. */
    long version();

    /** No assets at all: what a {@link Frame} that has none hands out. */
    static ProjectAssets none() {
        return NoAssets.INSTANCE;
    }
}
