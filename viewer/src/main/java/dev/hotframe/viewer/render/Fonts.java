package dev.hotframe.viewer.render;

import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.Font;
import io.github.humbleui.skija.FontMgr;
import io.github.humbleui.skija.FontStyle;
import io.github.humbleui.skija.Typeface;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves typefaces through {@link FontMgr}, falling back to the DejaVu Sans bundled in the
 * viewer jar, so that text never silently disappears on a machine without fonts.
 */
public final class Fonts {

    private final Typeface regular;
    private final Typeface bold;
    private final Map<String, Font> fonts = new HashMap<>();

    public Fonts() {
        Typeface system = match(FontStyle.NORMAL);
        Typeface fallback = system == null ? bundled() : null;
        regular = system != null ? system : fallback;
        Typeface systemBold = system == null ? null : match(FontStyle.BOLD);
        bold = systemBold != null ? systemBold : regular;
    }

    /** A font of {@code size} points; bold falls back to synthetic emboldening. */
    public Font font(float size, boolean isBold) {
        float rounded = Math.max(1f, Math.round(size * 2) / 2f);
        if (fonts.size() > 64) {
            // A size bound to an animated value would otherwise grow the cache without end.
            fonts.values().forEach(Font::close);
            fonts.clear();
        }
        return fonts.computeIfAbsent(rounded + (isBold ? "b" : "r"), k -> {
            Font font = new Font(isBold ? bold : regular, rounded);
            if (isBold && bold == regular) {
                font.setEmboldened(true);
            }
            font.setSubpixel(true);
            return font;
        });
    }

    /** The family name actually used, for logs. */
    public String family() {
        return regular.getFamilyName();
    }

    private static Typeface match(FontStyle style) {
        FontMgr mgr = FontMgr.getDefault();
        for (String family : new String[] {"Inter", "DejaVu Sans", "Noto Sans", "Helvetica", "Arial", null}) {
            Typeface face = mgr.matchFamilyStyle(family, style);
            if (face != null) {
                return face;
            }
        }
        return null;
    }

    private static Typeface bundled() {
        try (InputStream in = Fonts.class.getResourceAsStream("DejaVuSans.ttf")) {
            if (in == null) {
                throw new IllegalStateException("the bundled font DejaVuSans.ttf is missing from the viewer jar");
            }
            return FontMgr.getDefault().makeFromData(Data.makeFromBytes(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled font", e);
        }
    }
}
