package dev.hotframe.viewer.scene;

import dev.hotframe.viewer.assets.Assets;
import dev.hotframe.viewer.render.Fonts;
import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.FontMgr;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.RuntimeEffect;
import io.github.humbleui.skija.Typeface;
import io.github.humbleui.skija.paragraph.FontCollection;
import io.github.humbleui.skija.paragraph.TypefaceFontProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The assets a viewer has before the project's asset store is wired in: no images and no
 * shaders (scenes draw placeholders and warn), and fonts from the system plus the DejaVu Sans
 * bundled in the viewer, so text draws on a machine without fonts.
 */
public final class DefaultAssets implements Assets {

    private final FontCollection fonts;

    public DefaultAssets() {
        TypefaceFontProvider bundled = new TypefaceFontProvider();
        Typeface dejavu = bundled();
        if (dejavu != null) {
            bundled.registerTypeface(dejavu, "DejaVu Sans");
            bundled.registerTypeface(dejavu, "sans-serif");
        }
        fonts = new FontCollection();
        fonts.setDefaultFontManager(FontMgr.getDefault());
        fonts.setAssetFontManager(bundled);
        fonts.setEnableFallback(true);
    }

    @Override
    public Image image(String path) {
        return null;
    }

    @Override
    public RuntimeEffect shader(String path) {
        return null;
    }

    @Override
    public FontCollection fonts() {
        return fonts;
    }

    @Override
    public long version() {
        return 0;
    }

    private static Typeface bundled() {
        try (InputStream in = Fonts.class.getResourceAsStream("DejaVuSans.ttf")) {
            if (in == null) {
                return null;
            }
            return FontMgr.getDefault().makeFromData(Data.makeFromBytes(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled font DejaVuSans.ttf", e);
        }
    }
}
