package dev.hotframe.wire;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One file from the project's assets folder: its path relative to the project
 * ({@code "assets/logo.png"}, forward slashes), its bytes and their SHA-256. Like a
 * {@link ClassFile}, the JSON names the path and hash and the bytes travel in binary frames,
 * so a viewer that already holds them is not sent them again.
 */
public record AssetFile(String path, byte[] bytes, String sha256) implements Blob {

    /**
     * The largest asset that travels: bigger ones are split over several binary frames
     * ({@link BlobChunks}) up to this size, and refused beyond it.
     */
    public static final int MAX_BYTES = 256 << 20;

    /** The kinds of asset a viewer understands, by file extension. */
    public enum Kind {
        IMAGE, FONT, SHADER;

        /** The kind of {@code path} by its extension, or null for a file that is not an asset a viewer reloads. */
        public static Kind of(String path) {
            String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            String ext = name.substring(name.lastIndexOf('.') + 1);
            return switch (ext) {
                case "png", "jpg", "jpeg", "webp", "gif" -> IMAGE;
                case "ttf", "otf" -> FONT;
                case "sksl" -> SHADER;
                default -> null;
            };
        }
    }

    public AssetFile {
        Objects.requireNonNull(path, "'path' must not be null");
        Objects.requireNonNull(bytes, "'bytes' of " + path + " must not be null");
        Objects.requireNonNull(sha256, "'sha256' of " + path + " must not be null");
        String bad = problem(path);
        if (bad != null) {
            throw new IllegalArgumentException("asset path '" + path + "' " + bad);
        }
    }

    /** An asset whose hash is computed from {@code bytes}. */
    public AssetFile(String path, byte[] bytes) {
        this(path, bytes, Sha256.hex(Objects.requireNonNull(bytes, "'bytes' of " + path + " must not be null")));
    }

    /** What is wrong with {@code path} as an asset name, or null when it is a plain relative path. */
    static String problem(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            return "must be relative with forward slashes";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "must not have empty, '.' or '..' segments";
            }
        }
        return null;
    }

    /** The kind by extension, or null. */
    public Kind kind() {
        return Kind.of(path);
    }

    @Override
    public String label() {
        return "asset " + path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssetFile other && path.equals(other.path) && sha256.equals(other.sha256)
                && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + sha256.hashCode();
    }

    @Override
    public String toString() {
        return "AssetFile[" + path + ", " + bytes.length + " bytes, sha256 " + sha256.substring(0, Math.min(12, sha256.length())) + "]";
    }
}
