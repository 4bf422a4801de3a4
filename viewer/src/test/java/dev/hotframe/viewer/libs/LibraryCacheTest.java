package dev.hotframe.viewer.libs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.hotframe.wire.Library;
import dev.hotframe.wire.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetches from a real HTTP server on a free port that answers like the dev server's library route. */
class LibraryCacheTest {

    private static final String TOKEN = "t".repeat(40);
    private static final byte[] JAR = "pretend these are the bytes of a jar".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private int requests;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hotframe/libraries/", exchange -> {
            requests++;
            String sha = exchange.getRequestURI().getPath().substring("/hotframe/libraries/".length());
            byte[] body = served.get(sha);
            int status = !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 401
                    : body == null ? 404 : 200;
            exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
            if (status == 200) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI socket() {
        return URI.create("ws://127.0.0.1:" + server.getAddress().getPort() + "/hotframe");
    }

    @Test
    void fetchesOnceChecksTheHashAndKeepsTheJarUnderItsHash() {
        Library library = new Library("demo-1.0.jar", Sha256.hex(JAR), JAR.length);
        served.put(library.sha256(), JAR);
        LibraryCache cache = new LibraryCache(dir);

        cache.fetch(List.of(library), socket(), TOKEN, HttpClient.newHttpClient());
        cache.fetch(List.of(library), socket(), TOKEN, HttpClient.newHttpClient());

        assertThat(cache.has(library)).isTrue();
        assertThat(cache.file(library)).hasBinaryContent(JAR).hasFileName(library.sha256() + ".jar");
        assertThat(requests).as("the second fetch found it in the cache").isEqualTo(1);
    }

    @Test
    void bytesThatDoNotMatchTheHashAreRefusedAndNotKept() throws IOException {
        Library library = new Library("demo-1.0.jar", Sha256.hex(JAR), JAR.length);
        served.put(library.sha256(), "something else entirely, same story".getBytes(StandardCharsets.UTF_8));
        LibraryCache cache = new LibraryCache(dir);

        cache.fetch(List.of(library), socket(), TOKEN, HttpClient.newHttpClient());

        assertThat(cache.has(library)).isFalse();
        assertThat(cache.problem(library)).startsWith("cannot fetch library demo-1.0.jar from the dev server: the bytes received "
                + "have SHA-256 ").contains("not " + library.sha256().substring(0, 12));
        try (var files = Files.list(dir)) {
            assertThat(files).as("no partial file is left behind").isEmpty();
        }
    }

    @Test
    void aRefusalIsRememberedAsTheReason() {
        Library library = new Library("demo-1.0.jar", Sha256.hex(JAR), JAR.length);
        LibraryCache cache = new LibraryCache(dir);

        cache.fetch(List.of(library), socket(), "wrong-token-" + TOKEN, HttpClient.newHttpClient());

        assertThat(cache.problem(library)).isEqualTo("cannot fetch library demo-1.0.jar from the dev server: the server "
                + "answered 401 for /hotframe/libraries/" + library.sha256());
    }

    @Test
    void theHttpAddressFollowsTheSocketsSchemeAndAuthority() {
        Library library = new Library("x.jar", Sha256.hex(JAR), JAR.length);
        assertThat(LibraryCache.source(URI.create("wss://[::1]:7777/hotframe"), library))
                .hasToString("https://[::1]:7777/hotframe/libraries/" + library.sha256());
        assertThat(LibraryCache.source(URI.create("ws://10.0.0.2:9/hotframe"), library))
                .hasToString("http://10.0.0.2:9/hotframe/libraries/" + library.sha256());
    }
}
