package dev.hotframe.viewer.assets;

import dev.hotframe.viewer.render.Fonts;
import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.FontMgr;
import io.github.humbleui.skija.Typeface;
import io.github.humbleui.skija.paragraph.FontCollection;
import io.github.humbleui.skija.paragraph.TypefaceFontProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The paragraph font collection, rebuilt whenever the project's fonts change (a
 * {@link TypefaceFontProvider} cannot forget a font). Lookup order: the project's fonts, each
 * under its own family name and its file name ({@code assets/fonts/Brand.ttf} is also
 * {@code "Brand"}); then the DejaVu Sans bundled in the viewer, which only answers to
 * "DejaVu Sans", the same font a system might have; then the system's fonts through
 * {@link FontMgr#getDefault()}, which also supply characters the others lack. A family found
 * nowhere falls back to DejaVu Sans, so text never disappears.
 */
final class ProjectFonts implements AutoCloseable {

    static final String FALLBACK_FAMILY = "DejaVu Sans";

    private final TypefaceFontProvider bundled = new TypefaceFontProvider();
    private TypefaceFontProvider project;
    private FontCollection collection;

    ProjectFonts() {
        bundled.registerTypeface(loadBundled(), FALLBACK_FAMILY);
        rebuild(Map.of());
    }

    FontCollection collection() {
        return collection;
    }

    /** Replaces the collection with one that holds exactly {@code fonts} (asset path to typeface). */
    void rebuild(Map<String, Typeface> fonts) {
        TypefaceFontProvider nextProject = new TypefaceFontProvider();
        fonts.forEach((path, face) -> {
            nextProject.registerTypeface(face);
            String stem = stem(path);
            if (!stem.equals(face.getFamilyName())) {
                nextProject.registerTypeface(face, stem);
            }
        });
        FontCollection next = new FontCollection();
        next.setDynamicFontManager(nextProject);
        next.setAssetFontManager(bundled);
        next.setDefaultFontManager(FontMgr.getDefault(), FALLBACK_FAMILY);
        FontCollection old = collection;
        TypefaceFontProvider oldProject = project;
        collection = next;
        project = nextProject;
        if (old != null) {
            old.close();
        }
        if (oldProject != null) {
            oldProject.close();
        }
    }

    /** Decodes font bytes; null when they are not a font Skia can read. */
    static Typeface decode(byte[] bytes) {
        try (Data data = Data.makeFromBytes(bytes)) {
            return FontMgr.getDefault().makeFromData(data);
        }
    }

    private static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Typeface loadBundled() {
        try (InputStream in = Fonts.class.getResourceAsStream("DejaVuSans.ttf")) {
            if (in == null) {
                throw new IllegalStateException("the bundled font DejaVuSans.ttf is missing from the viewer jar");
            }
            return decode(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled font", e);
        }
    }

    @Override
    public void close() {
        collection.close();
        project.close();
        bundled.close();
    }
}
