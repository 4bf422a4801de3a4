package dev.hotframe.wire;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests, the content addresses of class bytes. */
public final class Sha256 {

    private Sha256() {
    }

    /** A fresh SHA-256 digest, for hashing a stream (a jar) without reading it whole. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The digest of {@code bytes}. */
    public static byte[] digest(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    /** The digest of {@code bytes} as 64 lowercase hex digits. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }
}
