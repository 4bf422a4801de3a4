package dev.hotframe.devserver.libs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.devserver.http.HubServer;
import dev.hotframe.devserver.session.AccessToken;
import dev.hotframe.devserver.session.HubSettings;
import dev.hotframe.devserver.session.UpdateHub;
import dev.hotframe.wire.Library;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.Sha256;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library route on a real hub on port 0, asked with the JDK's HTTP client. */
class LibraryRouteTest {

    @TempDir
    Path dir;

    private final AccessToken token = AccessToken.generate();
    private final LibraryShelf shelf = new LibraryShelf();
    private final HttpClient http = HttpClient.newHttpClient();
    private HubServer server;

    @BeforeEach
    void start() {
        HubSettings settings = HubSettings.local(token);
        server = new HubServer(settings, new UpdateHub(settings, () -> null), Map::of).serveLibraries(shelf).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> get(String path, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (withToken) {
            request.header(Protocol.TOKEN_HEADER, Protocol.bearer(token.value()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesANamedLibraryByItsHashToTokenHoldersOnly() throws Exception {
        byte[] bytes = "the bytes of a jar".getBytes(StandardCharsets.UTF_8);
        Path jar = Files.write(dir.resolve("demo-1.0.jar"), bytes);

        List<Library> named = shelf.describe(List.of(jar));

        assertThat(named).containsExactly(new Library("demo-1.0.jar", Sha256.hex(bytes), bytes.length));
        HttpResponse<byte[]> ok = get(Protocol.LIBRARIES_PATH + "/" + Sha256.hex(bytes), true);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(bytes);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/java-archive");
        assertThat(get(Protocol.LIBRARIES_PATH + "/" + Sha256.hex(bytes), false).statusCode()).isEqualTo(401);
    }

    @Test
    void nothingElseIsServed() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "not a library");

        assertThat(get(Protocol.LIBRARIES_PATH + "/" + Sha256.hex(Files.readAllBytes(secret)), true).statusCode())
                .as("a file never named in an update").isEqualTo(404);
        assertThat(get(Protocol.LIBRARIES_PATH + "/..%2F..%2Fetc%2Fpasswd", true).statusCode()).isIn(400, 404);
        assertThat(get(Protocol.LIBRARIES_PATH + "/ABC", true).statusCode()).isEqualTo(404);
    }

    @Test
    void foldersAreLeftOutAndTheSameFileIsHashedOnce() throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[] {1, 2, 3});
        Files.createDirectories(dir.resolve("classes"));

        List<Library> first = shelf.describe(List.of(dir.resolve("classes"), jar));

        assertThat(first).extracting(Library::name).containsExactly("a.jar");
        assertThat(shelf.describe(List.of(jar))).isEqualTo(first);
    }
}
