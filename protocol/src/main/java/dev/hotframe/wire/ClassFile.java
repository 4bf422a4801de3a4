package dev.hotframe.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of one compiled class, by binary name ({@code com.example.Game$Player}), and their
 * SHA-256 in hex. On the wire the JSON names the class and its hash; the bytes travel in a
 * binary frame (see {@link Blobs}), so a viewer that already has them is not sent them again.
 */
public record ClassFile(String name, byte[] bytes, String sha256) implements Blob {

    public ClassFile {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(bytes, "'bytes' of " + name + " must not be null");
        Objects.requireNonNull(sha256, "'sha256' of " + name + " must not be null");
    }

    /** A class file whose hash is computed from {@code bytes}. */
    public ClassFile(String name, byte[] bytes) {
        this(name, bytes, Sha256.hex(Objects.requireNonNull(bytes, "'bytes' of " + name + " must not be null")));
    }

    @Override
    public String label() {
        return "class " + name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassFile other && name.equals(other.name) && sha256.equals(other.sha256)
                && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + sha256.hashCode();
    }

    @Override
    public String toString() {
        return "ClassFile[" + name + ", " + bytes.length + " bytes, sha256 " + sha256.substring(0, Math.min(12, sha256.length())) + "]";
    }
}
