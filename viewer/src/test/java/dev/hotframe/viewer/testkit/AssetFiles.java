package dev.hotframe.viewer.testkit;

import dev.hotframe.wire.AssetFile;
import io.github.humbleui.skija.EncodedImageFormat;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;

/** Assets made with real Skija, as the dev server would send them. */
public final class AssetFiles {

    private AssetFiles() {
    }

    /** A PNG of {@code w}x{@code h} pixels all of colour {@code argb}, as the asset {@code path}. */
    public static AssetFile png(String path, int argb, int w, int h) {
        try (Surface surface = Surface.makeRasterN32Premul(w, h)) {
            surface.getCanvas().clear(argb);
            try (Image image = surface.makeImageSnapshot()) {
                return new AssetFile(path, image.encodeToData(EncodedImageFormat.PNG).getBytes());
            }
        }
    }
}
