package dev.hotframe.viewer.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.wire.Discovery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the dev server is, the token it wants, and for {@code wss://} the SHA-256 fingerprint
 * of its certificate that this viewer pins (null to trust the JDK's certificate authorities).
 */
public record ServerAddress(URI url, String token, String pin) {

    public ServerAddress(URI url, String token) {
        this(url, token, null);
    }

    /** A client for this server's websocket and HTTP routes; for {@code wss://} with a pin it trusts only that certificate. */
    public HttpClient httpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (pin != null && "wss".equals(url.getScheme())) {
            builder.sslContext(PinnedTrust.context(pin));
        }
        return builder.build();
    }

    /** A copy with {@code newToken}. */
    public ServerAddress withToken(String newToken) {
        return new ServerAddress(url, newToken, pin);
    }

    /**
     * Reads the record a local dev server writes at start. Throws {@link IllegalStateException}
     * saying what to do when there is none, or when its server is gone.
     */
    public static ServerAddress discover(Path home) {
        Path file = home.resolve(Discovery.RECORD);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no dev server found: " + file + " does not exist. Start one with "
                    + "'bin/devserver serve PROJECT_DIR', or pass its URL and --token");
        }
        try {
            JsonNode record = new ObjectMapper().readTree(file.toFile());
            long pid = record.path("pid").asLong(-1);
            if (pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                throw new IllegalStateException("no dev server found: " + file + " names process " + pid
                        + ", which is no longer running");
            }
            String pin = record.hasNonNull("fingerprint") ? record.path("fingerprint").asText() : null;
            return new ServerAddress(URI.create(record.path("url").asText()), record.path("token").asText(), pin);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
