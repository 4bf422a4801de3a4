package dev.hotframe.viewer.inspect;

import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;
import java.util.Base64;

/** A drawn frame scaled down for the dashboard and encoded as a base64 PNG, small enough for one text message. */
record FramePreview(int width, int height, String png) {

    /** Scales {@code frame} to at most {@code maxWidth} pixels wide, keeping its aspect ratio; does not close it. */
    static FramePreview of(Image frame, int maxWidth) {
        int width = Math.min(maxWidth, frame.getWidth());
        int height = Math.max(1, Math.round(frame.getHeight() * (width / (float) frame.getWidth())));
        try (Surface surface = Surface.makeRasterN32Premul(width, height)) {
            surface.getCanvas().drawImageRect(frame, Rect.makeWH(width, height));
            try (Image scaled = surface.makeImageSnapshot(); Data data = EncoderPNG.encode(scaled)) {
                if (data == null) {
                    throw new IllegalStateException("Skia could not encode the frame as PNG");
                }
                return new FramePreview(width, height, Base64.getEncoder().encodeToString(data.getBytes()));
            }
        }
    }
}
