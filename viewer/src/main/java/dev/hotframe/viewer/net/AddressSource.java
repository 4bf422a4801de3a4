package dev.hotframe.viewer.net;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where each connection attempt finds the dev server and the token it wants, from what the user
 * gave. Asked again before every attempt, so a restarted server's new token and port are followed.
 *
 * <p>The server: {@code url}, else the local dev server's record in {@code home} (with its pin).
 * The token, first that is there: the {@code tokenFile}; the {@code token} option; the
 * {@code environmentToken} ({@code $HOTFRAME_TOKEN}); the local record's; else empty (the server
 * then refuses and says why). {@code pin} applies to {@code url} only. A missing record or token
 * file is an {@link IllegalStateException} that says what to do; the connection retries.
 *
 * @param url              the server's websocket URL, or null to find the local one
 * @param token            the {@code --token} option, or null
 * @param environmentToken {@code $HOTFRAME_TOKEN}, or null
 * @param tokenFile        a token file or a server's {@code server.json}, read on every attempt, or null
 * @param pin              the certificate fingerprint for a {@code wss://} url, or null
 * @param home             where the local dev server's record is ({@code Discovery.home()})
 */
public record AddressSource(URI url, String token, String environmentToken, Path tokenFile, String pin, Path home)
        implements Supplier<ServerAddress> {

    /** Resolves the address for the next attempt. */
    @Override
    public ServerAddress get() {
        String fromFile = tokenFile != null ? TokenFile.read(tokenFile) : null;
        String given = fromFile != null ? fromFile : token != null ? token : environmentToken;
        if (url == null) {
            ServerAddress found = ServerAddress.discover(home);
            return given == null ? found : found.withToken(given);
        }
        return new ServerAddress(url, given != null ? given : localTokenOrEmpty(), pin);
    }

    /**
     * Whether the token may change while the viewer runs: it comes from the local record or a
     * token file, which a restarted server rewrites. Then a refused token is retried, not fatal.
     */
    public boolean refreshesToken() {
        return url == null || tokenFile != null;
    }

    private String localTokenOrEmpty() {
        try {
            return ServerAddress.discover(home).token();
        } catch (IllegalStateException e) {
            return "";
        }
    }
}
