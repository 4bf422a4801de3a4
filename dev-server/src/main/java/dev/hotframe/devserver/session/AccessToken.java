package dev.hotframe.devserver.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret a viewer must present, compared in constant time: 256 random bits by default, or
 * one the user supplies (at least 128 bits' worth) so that viewers keep working across restarts.
 */
public final class AccessToken {

    private final String value;

    private AccessToken(String value) {
        this.value = value;
    }

    /** A fresh random token. */
    public static AccessToken generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new AccessToken(HexFormat.of().formatHex(bytes));
    }

    /**
     * A token the user chose. Throws {@link IllegalArgumentException} saying what a token must be
     * when it is too short to resist guessing or has characters a header cannot carry.
     */
    public static AccessToken of(String value) {
        String v = value == null ? "" : value.trim();
        if (v.length() < 32 || !v.matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException("a token must be at least 32 characters (128 bits as hex) of letters, digits, "
                    + "'.', '_', '~' or '-'; got " + v.length() + " characters" + (v.matches("[A-Za-z0-9._~-]*") ? ""
                    : " including others"));
        }
        return new AccessToken(v);
    }

    /** Returns whether {@code presented} is this token, in time that does not depend on where they differ. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns whether the token presented in an {@code Authorization: Bearer} header, else in the
     * {@code token} query parameter, is this one.
     */
    public boolean matchesPresented(String authorizationHeader, String queryToken) {
        String bearer = "Bearer ";
        return matches(authorizationHeader != null && authorizationHeader.startsWith(bearer)
                ? authorizationHeader.substring(bearer.length()).trim() : queryToken);
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "AccessToken[hidden]";
    }
}
