package dev.hotframe.wire;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A jar the user's code needs at run time (a dependency from the project's {@code pom.xml} or a
 * {@code classpath} entry of {@code hotframe.json}), named by its file name and its SHA-256. The
 * viewer fetches the bytes once from {@link Protocol#LIBRARIES_PATH}{@code /<sha256>}, checks
 * the hash, and keeps them in its cache, so a reconnect or a second viewer session fetches
 * nothing. Libraries the viewer provides itself (the app contract, Skija, LWJGL) are never sent.
 */
public record Library(String name, String sha256, long size) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Library {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(sha256, "'sha256' of library " + name + " must not be null");
        if (!HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("library " + name + " needs a 'sha256' of 64 lowercase hex digits");
        }
        if (size < 0) {
            throw new IllegalArgumentException("library " + name + " has a negative size");
        }
    }
}
