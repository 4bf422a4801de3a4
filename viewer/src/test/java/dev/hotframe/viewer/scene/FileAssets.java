package dev.hotframe.viewer.scene;

import dev.hotframe.viewer.assets.Assets;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.RuntimeEffect;
import io.github.humbleui.skija.paragraph.FontCollection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A test {@link Assets} that decodes files under a folder with Skija directly; no transport, no hashing. */
final class FileAssets implements Assets {

    private final Path root;
    private final DefaultAssets fonts = new DefaultAssets();
    private final Map<String, Image> images = new HashMap<>();
    private final Map<String, RuntimeEffect> shaders = new HashMap<>();

    FileAssets(Path root) {
        this.root = root;
    }

    @Override
    public Image image(String path) {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return images.computeIfAbsent(path, p -> Image.makeDeferredFromEncodedBytes(read(file)));
    }

    @Override
    public RuntimeEffect shader(String path) {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return shaders.computeIfAbsent(path, p -> RuntimeEffect.makeForShader(new String(read(file), java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public FontCollection fonts() {
        return fonts.fonts();
    }

    @Override
    public long version() {
        return 0;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
