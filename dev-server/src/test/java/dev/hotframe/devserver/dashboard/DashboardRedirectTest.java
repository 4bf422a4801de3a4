package dev.hotframe.devserver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.devserver.session.AccessToken;
import dev.hotframe.devserver.session.RunningHub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The token-for-cookie redirect of a real dashboard stays on the dashboard, whatever path it came with. */
@Timeout(30)
class DashboardRedirectTest {

    private final RunningHub running = new RunningHub();
    private final AccessToken token = AccessToken.generate();
    private final DashboardServer dashboard = new DashboardServer(new DashboardServer.Settings("127.0.0.1", 0, token, null),
            running.hub, new DashboardSources(Path.of("."), Path.of("src"), List::of, Map::of)).start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        dashboard.close();
        running.close();
    }

    @ParameterizedTest
    @CsvSource({
        "/, /",
        "/api/model, /api/model",
        "//evil.example.com/, /evil.example.com/",
        "///evil.example.com, /evil.example.com",
        "/%5Cevil.example.com, /%5Cevil.example.com",
        "//evil.example.com/%2F%2Fx, /evil.example.com/%2F%2Fx",
    })
    void theRedirectThatDropsTheTokenGoesToAPathOnTheDashboard(String path, String location) throws Exception {
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + dashboard.port() + path + "?token=" + token.value())).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValue(location);
    }

    @ParameterizedTest
    @CsvSource({"/\\evil.example.com, /evil.example.com", "'', /", "/\u0001x, /"})
    void pathsABrowserReadsAsAnotherHostFoldIntoOne(String path, String location) {
        assertThat(DashboardAccess.onThisServer(path)).isEqualTo(location);
    }
}
