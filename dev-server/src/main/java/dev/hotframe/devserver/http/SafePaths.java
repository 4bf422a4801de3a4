package dev.hotframe.devserver.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves a requested relative path inside a root folder, refusing anything that could leave
 * it: {@code ..} segments, absolute paths, backslashes, NUL and control characters, leftover
 * percent-encoding (a second decoding layer), and symlinks whose target is outside the root.
 */
public final class SafePaths {

    private static final Pattern FORBIDDEN = Pattern.compile("[\\x00-\\x1f\\\\%]");

    private SafePaths() {
    }

    /** The real path of the regular file {@code requested} names under {@code root}, or empty when refused or absent. */
    public static Optional<Path> resolve(Path root, String requested) {
        if (requested == null || requested.isEmpty() || requested.startsWith("/") || FORBIDDEN.matcher(requested).find()) {
            return Optional.empty();
        }
        for (String segment : requested.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        try {
            Path realRoot = root.toRealPath();
            Path candidate = realRoot.resolve(requested).normalize();
            if (!candidate.startsWith(realRoot) || !Files.exists(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            return real.startsWith(realRoot) && Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }
}
