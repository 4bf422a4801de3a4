package dev.hotframe.devserver.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The random secret a viewer must present; 256 bits, compared in constant time. */
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

    /** Returns whether {@code presented} is this token, in time that does not depend on where they differ. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "AccessToken[hidden]";
    }
}
