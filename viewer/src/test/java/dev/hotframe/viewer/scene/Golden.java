package dev.hotframe.viewer.scene;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.EncodedImageFormat;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a raster surface with {@code src/test/resources/.../golden/<name>.png}. The frame is
 * always written to {@code target/golden-actual/<name>.png} so it can be looked at; with
 * {@code -Dhotframe.updateGolden=true} it becomes the golden image. Tolerance: a channel may
 * differ by up to 8 levels (font rasterization across Skia builds); every other pixel must match.
 */
final class Golden {

    static final Path DIR = Path.of("src/test/resources/dev/hotframe/viewer/scene/golden");
    static final Path ACTUAL = Path.of("target/golden-actual");
    static final int TOLERANCE = 8;

    private Golden() {
    }

    static void check(String name, Surface surface) throws IOException {
        try (Image frame = surface.makeImageSnapshot()) {
            byte[] png = frame.encodeToData(EncodedImageFormat.PNG).getBytes();
            Files.createDirectories(ACTUAL);
            Files.write(ACTUAL.resolve(name + ".png"), png);
            Path golden = DIR.resolve(name + ".png");
            if (Boolean.getBoolean("hotframe.updateGolden")) {
                Files.createDirectories(DIR);
                Files.write(golden, png);
                return;
            }
            assertThat(golden).as("golden image (record with -Dhotframe.updateGolden=true)").isRegularFile();
            try (Image expected = Image.makeDeferredFromEncodedBytes(Files.readAllBytes(golden))) {
                assertThat(expected.getWidth() + "x" + expected.getHeight()).isEqualTo(frame.getWidth() + "x" + frame.getHeight());
                int[] a = argb(frame);
                int[] b = argb(expected);
                long off = 0;
                int worst = 0;
                for (int i = 0; i < a.length; i++) {
                    int delta = delta(a[i], b[i]);
                    worst = Math.max(worst, delta);
                    if (delta > TOLERANCE) {
                        off++;
                    }
                }
                assertThat(off).as(name + ": pixels differing by more than " + TOLERANCE + " (worst " + worst
                        + "); see " + ACTUAL.resolve(name + ".png")).isZero();
            }
        }
    }

    private static int delta(int x, int y) {
        int worst = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            worst = Math.max(worst, Math.abs(((x >>> shift) & 255) - ((y >>> shift) & 255)));
        }
        return worst;
    }

    private static int[] argb(Image image) {
        try (Bitmap bitmap = new Bitmap()) {
            bitmap.allocPixels(ImageInfo.makeN32Premul(image.getWidth(), image.getHeight()));
            image.readPixels(bitmap);
            int[] out = new int[image.getWidth() * image.getHeight()];
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    out[y * image.getWidth() + x] = bitmap.getColor(x, y);
                }
            }
            return out;
        }
    }
}
