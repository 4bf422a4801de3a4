package dev.hotframe.wire;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A TLS certificate's SHA-256 fingerprint as the dev server prints it ({@code AB:CD:...}, like
 * {@code keytool -list}) and as users may type it back (lower case, no colons, {@code sha256:}).
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** The 64 lowercase hex digits of {@code pin}; throws {@link IllegalArgumentException} for anything else. */
    public static String hex(String pin) {
        String hex = pin.trim().toLowerCase(Locale.ROOT).replaceFirst("^sha-?256:", "").replace(":", "");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a pin must be a SHA-256 fingerprint (64 hex digits, colons allowed), was '"
                    + pin + "'");
        }
        return hex;
    }

    /** The printed form of a digest: colon-separated uppercase hex. */
    public static String printed(byte[] digest) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    /** The printed form of a pin as a user may type it. */
    public static String printed(String pin) {
        return printed(HexFormat.of().parseHex(hex(pin)));
    }
}
