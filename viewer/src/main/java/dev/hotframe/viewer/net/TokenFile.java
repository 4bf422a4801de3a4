package dev.hotframe.viewer.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the token from a file on every connection attempt: a plain token file (as
 * {@code devserver serve --token-file} writes) or a dev server's {@code server.json}. A restarted
 * server that wrote a new token is then followed without restarting the viewer.
 */
public final class TokenFile {

    private TokenFile() {
    }

    /** The token in {@code file}; throws {@link IllegalStateException} saying what is wrong (the caller retries). */
    public static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the token file " + file + " does not exist yet");
        }
        try {
            String text = Files.readString(file).trim();
            if (text.startsWith("{")) {
                JsonNode token = new ObjectMapper().readTree(text).path("token");
                if (!token.isTextual()) {
                    throw new IllegalStateException(file + " has no \"token\" field");
                }
                return token.asText();
            }
            if (text.isEmpty()) {
                throw new IllegalStateException("the token file " + file + " is empty");
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the token file " + file + ": " + e.getMessage(), e);
        }
    }
}
