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
    private final Typeface mono;
    private static final String[] FAMILIES = {"Inter", "DejaVu Sans", "Noto Sans", "Helvetica", "Arial", null};
    private static final String[] MONO_FAMILIES = {"DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", "Menlo",
        "Consolas", "Courier New", "monospace"};

    private final Map<String, Font> fonts = new HashMap<>();
    private final boolean bundledFallback;

    public Fonts() {
        Typeface system = match(FontStyle.NORMAL, FAMILIES);
        bundledFallback = system == null;
        Typeface fallback = system == null ? bundled() : null;
        regular = system != null ? system : fallback;
        Typeface systemBold = system == null ? null : match(FontStyle.BOLD, FAMILIES);
        bold = systemBold != null ? systemBold : regular;
        Typeface systemMono = system == null ? null : match(FontStyle.NORMAL, MONO_FAMILIES);
        mono = systemMono != null ? systemMono : regular;
    }

    /** A monospaced font for source excerpts; the regular face where no monospaced one is installed. */
    public Font mono(float size) {
        float rounded = Math.max(1f, Math.round(size * 2) / 2f);
        return fonts.computeIfAbsent(rounded + "m", k -> new Font(mono, rounded));
    }

    /** The monospaced family actually used, for doctor. */
    public String monoFamily() {
        return mono.getFamilyName();
    }

    /** True when no system font matched and the bundled DejaVu Sans is used. */
    public boolean usesBundledFont() {
        return bundledFallback;
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

    private static Typeface match(FontStyle style, String[] families) {
        FontMgr mgr = FontMgr.getDefault();
        for (String family : families) {
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
