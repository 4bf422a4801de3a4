package dev.hotframe.viewer.libs;

import dev.hotframe.wire.Library;
import dev.hotframe.wire.Sha256;
import dev.hotframe.wire.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The libraries this machine has fetched, one file per SHA-256 ({@code <dir>/<sha256>.jar}), so
 * a library is fetched once per machine whatever the server, session or file name. A download
 * goes to a temporary file and is moved into place only once its hash is checked, so the cache
 * never holds a partial or altered jar. Thread-safe.
 */
public final class LibraryCache {

    private static final Logger log = LoggerFactory.getLogger(LibraryCache.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path dir;
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    public LibraryCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The folder the system property {@code hotframe.libraries} names, else {@code $HOTFRAME_HOME/libraries},
     * else {@code ~/.hotframe/libraries}.
     */
    public static LibraryCache standard() {
        String configured = System.getProperty("hotframe.libraries");
        if (configured != null) {
            return new LibraryCache(Path.of(configured));
        }
        String home = System.getenv("HOTFRAME_HOME");
        return new LibraryCache((home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".hotframe")).resolve("libraries"));
    }

    /** Where {@code library} is kept once fetched. */
    public Path file(Library library) {
        return dir.resolve(library.sha256() + ".jar");
    }

    /** True when the library is in the cache. */
    public boolean has(Library library) {
        try {
            return Files.isRegularFile(file(library)) && Files.size(file(library)) == library.size();
        } catch (IOException e) {
            return false;
        }
    }

    /** Why {@code library} is not in the cache after the last try, or a generic sentence. */
    public String problem(Library library) {
        return problems.getOrDefault(library.sha256(), "library " + library.name() + " has not been fetched from the dev server");
    }

    /**
     * Fetches every library in {@code libraries} the cache lacks from the server at {@code socketUrl}
     * (its websocket URL; the HTTP URL is derived from it), presenting {@code token}. A library
     * that cannot be fetched is remembered with the reason; the update that needs it then fails
     * with that reason instead of this throwing.
     */
    public void fetch(List<Library> libraries, URI socketUrl, String token, HttpClient client) {
        for (Library library : libraries) {
            if (has(library)) {
                continue;
            }
            long start = System.nanoTime();
            try {
                download(library, source(socketUrl, library), token, client);
                problems.remove(library.sha256());
                log.info("fetched library {} ({} KB) in {} ms", library.name(), library.size() / 1024,
                        (System.nanoTime() - start) / 1_000_000);
            } catch (IOException e) {
                String why = "cannot fetch library " + library.name() + " from the dev server: " + e.getMessage();
                problems.put(library.sha256(), why);
                log.warn("{}", why);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.put(library.sha256(), "interrupted while fetching library " + library.name());
                return;
            }
        }
    }

    static URI source(URI socketUrl, Library library) {
        String scheme = "wss".equals(socketUrl.getScheme()) ? "https" : "http";
        return URI.create(scheme + "://" + socketUrl.getRawAuthority() + Protocol.LIBRARIES_PATH + "/" + library.sha256());
    }

    private void download(Library library, URI from, String token, HttpClient client) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        HttpRequest request = HttpRequest.newBuilder(from).timeout(TIMEOUT)
                .header(Protocol.TOKEN_HEADER, Protocol.bearer(token)).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("the server answered " + response.statusCode() + " for " + from.getPath());
            }
            Path partial = Files.createTempFile(dir, library.sha256(), ".part");
            try {
                MessageDigest digest = Sha256.newDigest();
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), digest)) {
                    body.transferTo(out);
                }
                String got = HexFormat.of().formatHex(digest.digest());
                if (!got.equals(library.sha256())) {
                    throw new IOException("the bytes received have SHA-256 " + got.substring(0, 12) + "..., not "
                            + library.sha256().substring(0, 12) + "... as the update said");
                }
                Files.move(partial, file(library), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

}
