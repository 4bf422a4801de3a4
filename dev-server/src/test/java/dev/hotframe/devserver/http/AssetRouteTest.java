package dev.hotframe.devserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.devserver.session.AccessToken;
import dev.hotframe.devserver.session.HubSettings;
import dev.hotframe.devserver.session.UpdateHub;
import dev.hotframe.wire.Protocol;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The asset route serves files under the assets folder to token holders, and nothing outside it. */
@Timeout(30)
class AssetRouteTest {

    @TempDir
    Path project;

    private final AccessToken token = AccessToken.generate();
    private HubServer server;

    @BeforeEach
    void start() throws Exception {
        Path assets = Files.createDirectories(project.resolve("assets/img"));
        Files.writeString(assets.resolve("logo.svg"), "<svg/>");
        Files.writeString(project.resolve("secret.txt"), "TOP-SECRET");
        Files.createSymbolicLink(assets.resolve("escape.txt"), project.resolve("secret.txt"));
        Files.createSymbolicLink(assets.resolve("outside"), project);
        HubSettings settings = HubSettings.local(token).withAssets(project.resolve("assets"));
        server = new HubServer(settings, new UpdateHub(settings, () -> null), Map::of).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesAnAssetToATokenHolder() throws Exception {
        String response = get(Protocol.ASSETS_PATH + "/img/logo.svg", true);

        assertThat(response).startsWith("HTTP/1.1 200 OK").endsWith("\r\n\r\n<svg/>");
    }

    @Test
    void refusesWithoutTheToken() throws Exception {
        assertThat(get(Protocol.ASSETS_PATH + "/img/logo.svg", false)).startsWith("HTTP/1.1 401");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/img/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
        "/img%2f..%2f..%2fsecret.txt", "/%252e%252e/secret.txt", "/..%5csecret.txt", "/img/escape.txt",
        "/outside/secret.txt", "/%00secret.txt", "/img//logo.svg/../../../secret.txt"})
    void refusesEveryWayOutOfTheFolder(String path) throws Exception {
        String response = get(Protocol.ASSETS_PATH + path, true);

        assertThat(response).doesNotContain("TOP-SECRET");
        assertThat(response).matches("(?s)HTTP/1.1 (400|404) .*");
    }

    private String get(String target, boolean withToken) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + (withToken ? "Authorization: Bearer " + token.value() + "\r\n" : "") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
