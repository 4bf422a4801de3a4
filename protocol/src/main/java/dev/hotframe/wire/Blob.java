package dev.hotframe.wire;

/**
 * Bytes named by their SHA-256 that travel in binary frames rather than in JSON: class files
 * and assets. {@link Blobs} and {@link BlobChunks} frame any of them the same way.
 */
public interface Blob {

    /** The SHA-256 of {@link #bytes()}, 64 lowercase hex digits. */
    String sha256();

    byte[] bytes();

    /** What the bytes are, for error messages: {@code "class demo.App"}, {@code "asset assets/logo.png"}. */
    String label();
}
