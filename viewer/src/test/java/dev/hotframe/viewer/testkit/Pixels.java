package dev.hotframe.viewer.testkit;

import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;
import java.util.Locale;

/** Reads back pixels from real Skija surfaces and images, as unpremultiplied ARGB. */
public final class Pixels {

    private Pixels() {
    }

    /** The colour at ({@code x}, {@code y}) as {@code AARRGGBB}, e.g. {@code "FFFF3366"}. */
    public static String at(Surface surface, int x, int y) {
        try (Image image = surface.makeImageSnapshot()) {
            return at(image, x, y);
        }
    }

    /** The colour at ({@code x}, {@code y}) as {@code AARRGGBB}; works for decoded (deferred) images too. */
    public static String at(Image image, int x, int y) {
        try (Bitmap bitmap = read(image)) {
            return hex(bitmap.getColor(x, y));
        }
    }

    /** Every pixel of the surface, for comparing two drawings exactly. */
    public static byte[] all(Surface surface) {
        try (Image image = surface.makeImageSnapshot(); Bitmap bitmap = read(image)) {
            return bitmap.readPixels();
        }
    }

    public static String hex(int argb) {
        return String.format(Locale.ROOT, "%08X", argb);
    }

    private static Bitmap read(Image image) {
        Bitmap bitmap = new Bitmap();
        bitmap.allocPixels(ImageInfo.makeN32Premul(image.getWidth(), image.getHeight()));
        if (!image.readPixels(bitmap)) {
            bitmap.close();
            throw new IllegalStateException("Skia could not read the pixels of a " + image.getWidth() + "x" + image.getHeight() + " image");
        }
        return bitmap;
    }
}
