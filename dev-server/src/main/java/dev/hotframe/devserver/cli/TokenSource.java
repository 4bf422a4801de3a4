package dev.hotframe.devserver.cli;

import dev.hotframe.devserver.session.AccessToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Where the dev server's token comes from: a token file, {@code $HOTFRAME_TOKEN}, or a fresh random one (null). */
final class TokenSource {

    private TokenSource() {
    }

    /**
     * The token in {@code file} (created with a random token, owner-only, if missing), else
     * {@code env}, else null for a random one. Throws {@link IllegalArgumentException} naming the
     * source when a supplied token is too weak.
     */
    static AccessToken resolve(Path file, String env) {
        if (file != null) {
            try {
                if (!Files.exists(file)) {
                    AccessToken fresh = AccessToken.generate();
                    if (file.toAbsolutePath().getParent() != null) {
                        Files.createDirectories(file.toAbsolutePath().getParent());
                    }
                    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    }
                    Files.writeString(file, fresh.value() + "\n");
                    return fresh;
                }
                return withSource(Files.readString(file), "--token-file " + file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot use --token-file " + file + ": " + e.getMessage(), e);
            }
        }
        return env == null || env.isBlank() ? null : withSource(env, "$HOTFRAME_TOKEN");
    }

    private static AccessToken withSource(String value, String source) {
        try {
            return AccessToken.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }
}
