package dev.hotframe.viewer.headless;

import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.ColorAlphaType;
import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --golden DIR}: compares each written frame with {@code DIR/frame-<seq>.png}, allowing
 * {@code tolerance} per colour channel, and writes {@code diff-<seq>.png} (differing pixels in
 * red over a faded copy of the frame) next to the frames when they differ. With
 * {@code update}, the frames become the new golden ones instead.
 */
public final class GoldenFrames {

    private static final Logger log = LoggerFactory.getLogger(GoldenFrames.class);
    private static final int RED = 0xFFFF0000;

    private final Path dir;
    private final int tolerance;
    private final boolean update;
    private final AtomicInteger failures = new AtomicInteger();

    /** One comparison: how many pixels differ beyond the tolerance, and the largest channel difference. */
    public record Result(long seq, boolean ok, String message) {
    }

    public GoldenFrames(Path dir, int tolerance, boolean update) {
        if (tolerance < 0 || tolerance > 255) {
            throw new IllegalArgumentException("the golden tolerance must be in 0..255, was " + tolerance);
        }
        this.dir = dir;
        this.tolerance = tolerance;
        this.update = update;
    }

    /** How many frames did not match (a missing golden frame counts). */
    public int failures() {
        return failures.get();
    }

    /** Compares (or, updating, stores) the frame of {@code seq}; {@code png} is its encoding, {@code out} the frames folder. */
    public Result check(long seq, Image frame, byte[] png, Path out) throws IOException {
        Path golden = dir.resolve("frame-" + seq + ".png");
        if (update) {
            Files.createDirectories(dir);
            Files.write(golden, png);
            return report(new Result(seq, true, "golden " + golden + " written"));
        }
        if (!Files.isRegularFile(golden)) {
            return report(new Result(seq, false, "no golden frame " + golden + " (run with --update-golden to record it)"));
        }
        try (Image expected = Image.makeDeferredFromEncodedBytes(Files.readAllBytes(golden))) {
            if (expected == null) {
                return report(new Result(seq, false, golden + " is not a PNG"));
            }
            if (expected.getWidth() != frame.getWidth() || expected.getHeight() != frame.getHeight()) {
                return report(new Result(seq, false, "frame " + seq + " is " + frame.getWidth() + "x" + frame.getHeight()
                        + ", the golden one " + expected.getWidth() + "x" + expected.getHeight()));
            }
            return report(compare(seq, pixels(expected), pixels(frame), frame.getWidth(), frame.getHeight(), out));
        }
    }

    private Result compare(long seq, int[] expected, int[] actual, int width, int height, Path out) throws IOException {
        int[] diff = new int[actual.length];
        long differing = 0;
        int worst = 0;
        for (int i = 0; i < actual.length; i++) {
            int d = channelDifference(expected[i], actual[i]);
            worst = Math.max(worst, d);
            if (d > tolerance) {
                differing++;
                diff[i] = RED;
            } else {
                diff[i] = faded(actual[i]);
            }
        }
        if (differing == 0) {
            return new Result(seq, true, "frame " + seq + " matches its golden frame (largest difference " + worst + ")");
        }
        Path diffPng = out.resolve("diff-" + seq + ".png");
        Files.write(diffPng, encode(diff, width, height));
        return new Result(seq, false, "frame " + seq + ": " + differing + " of " + actual.length + " pixels differ by more than "
                + tolerance + " (largest difference " + worst + "); see " + diffPng);
    }

    private Result report(Result result) {
        if (result.ok()) {
            log.info("{}", result.message());
        } else {
            failures.incrementAndGet();
            log.warn("{}", result.message());
        }
        return result;
    }

    private static int channelDifference(int a, int b) {
        int d = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            d = Math.max(d, Math.abs(((a >>> shift) & 0xFF) - ((b >>> shift) & 0xFF)));
        }
        return d;
    }

    private static int faded(int argb) {
        int r = (argb >>> 16) & 0xFF;
        int g = (argb >>> 8) & 0xFF;
        int b = argb & 0xFF;
        int grey = 160 + (r + g + b) / 12;
        return 0xFF000000 | grey << 16 | grey << 8 | grey;
    }

    /** The image's pixels as unpremultiplied ARGB ints. */
    static int[] pixels(Image image) {
        ImageInfo info = new ImageInfo(image.getWidth(), image.getHeight(), io.github.humbleui.skija.ColorType.BGRA_8888,
                ColorAlphaType.UNPREMUL);
        try (Bitmap bitmap = new Bitmap()) {
            bitmap.allocPixels(info);
            if (!image.readPixels(bitmap)) {
                throw new IllegalStateException("cannot read the frame's pixels");
            }
            byte[] bytes = bitmap.readPixels();
            int[] argb = new int[image.getWidth() * image.getHeight()];
            for (int i = 0; i < argb.length; i++) {
                int o = i * 4;
                argb[i] = (bytes[o + 3] & 0xFF) << 24 | (bytes[o + 2] & 0xFF) << 16 | (bytes[o + 1] & 0xFF) << 8 | (bytes[o] & 0xFF);
            }
            return argb;
        }
    }

    private static byte[] encode(int[] argb, int width, int height) {
        byte[] bytes = new byte[argb.length * 4];
        for (int i = 0; i < argb.length; i++) {
            int o = i * 4;
            bytes[o] = (byte) argb[i];
            bytes[o + 1] = (byte) (argb[i] >>> 8);
            bytes[o + 2] = (byte) (argb[i] >>> 16);
            bytes[o + 3] = (byte) (argb[i] >>> 24);
        }
        ImageInfo info = new ImageInfo(width, height, io.github.humbleui.skija.ColorType.BGRA_8888, ColorAlphaType.UNPREMUL);
        try (Image image = Image.makeRasterFromBytes(info, bytes, width * 4L);
             Data data = EncoderPNG.encode(image)) {
            return data.getBytes();
        }
    }
}
