package dev.hotframe.viewer.assets;

import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.Codec;
import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.EncodedOrigin;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;

/**
 * Decodes an image asset completely when it arrives, so that what draws later is plain pixels:
 * a file that is cut short or broken is refused now, with the reason, instead of drawing as
 * nothing; and one too big to draw in a frame is refused by its header, before any pixels are
 * allocated. Render thread only, like the {@link AssetStore}.
 */
final class ImageDecoder {

    /** The most pixels on either side: the largest texture common GPUs take. */
    static final int MAX_SIDE = 16_384;
    /** The most pixels in all: 160 MB decoded, about a tenth of a second to draw on a CPU here. */
    static final long MAX_PIXELS = 40_000_000L;

    /** What decoding gave: an image to hold, or why there is none. */
    sealed interface Result permits Decoded, Refused {
    }

    /** A fully decoded image, owned by the caller. */
    record Decoded(Image image) implements Result {
    }

    /** Why the bytes give no image, in words for the overlay. */
    record Refused(String problem) implements Result {
    }

    private ImageDecoder() {
    }

    static Result decode(byte[] bytes) {
        try (Data data = Data.makeFromBytes(bytes); Codec codec = codecOf(data)) {
            if (codec == null) {
                return new Refused("not an image Skia can decode (" + bytes.length + " bytes)");
            }
            ImageInfo info = codec.getImageInfo();
            long pixels = (long) info.getWidth() * info.getHeight();
            if (info.getWidth() <= 0 || info.getHeight() <= 0) {
                return new Refused("an image of " + info.getWidth() + "x" + info.getHeight() + " pixels has nothing to draw");
            }
            if (info.getWidth() > MAX_SIDE || info.getHeight() > MAX_SIDE || pixels > MAX_PIXELS) {
                return new Refused("an image of " + info.getWidth() + "x" + info.getHeight() + " pixels is too big to draw in a frame;"
                        + " images may have at most " + MAX_SIDE + " pixels on a side and " + MAX_PIXELS / 1_000_000
                        + " million in all");
            }
            Bitmap bitmap = new Bitmap();
            try {
                if (!bitmap.allocPixels(info)) {
                    return new Refused("no memory for an image of " + info.getWidth() + "x" + info.getHeight() + " pixels");
                }
                codec.readPixels(bitmap);
            } catch (RuntimeException e) {
                bitmap.close();
                return new Refused("the image does not decode: " + e.getMessage() + " (" + bytes.length
                        + " bytes; was it cut short?)");
            }
            if (codec.getEncodedOrigin() != EncodedOrigin.TOP_LEFT) {
                // Rotated or mirrored (a camera's JPEG): the deferred image applies the orientation; it decoded above.
                bitmap.close();
                return new Decoded(Image.makeDeferredFromEncodedBytes(bytes));
            }
            bitmap.setImmutable();
            Image image = Image.makeRasterFromBitmap(bitmap);
            bitmap.close();
            return new Decoded(image);
        } catch (RuntimeException e) {
            return new Refused("not an image Skia can decode (" + bytes.length + " bytes): " + e.getMessage());
        }
    }

    private static Codec codecOf(Data data) {
        try {
            return Codec.makeFromData(data);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
