package dev.hotframe.devserver.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Who may connect to the hub and read its status. */
@Timeout(30)
class UpdateHubAccessTest {

    private static final WireCodec CODEC = new WireCodec();
    private static final ViewerMessage.Hello HELLO = RunningHub.hello("viewer-1");
    private static final ViewerClient.Close POLICY = new ViewerClient.Close(1008, "missing or wrong access token");

    private final RunningHub running = new RunningHub();

    @AfterEach
    void stopHub() {
        running.close();
    }

    @Test
    void missingTokenIsClosedAsPolicyViolation() throws Exception {
        assertThat(running.connect(Map.of()).awaitClose()).isEqualTo(POLICY);
    }

    @Test
    void wrongTokenIsClosedAsPolicyViolation() throws Exception {
        ViewerClient viewer = running.connect(Map.of(Protocol.TOKEN_HEADER, Protocol.bearer("not-" + running.token.value())));

        assertThat(viewer.awaitClose()).isEqualTo(POLICY);
    }

    @Test
    void tokenMayComeAsAQueryParameter() throws Exception {
        ViewerClient viewer = running.connect("?token=" + running.token.value(), Map.of());
        viewer.send(CODEC.encode(HELLO));

        assertThat(viewer.nextMessage()).isInstanceOf(dev.hotframe.wire.ServerMessage.Welcome.class);
        assertThat(viewer.nextMessage()).isEqualTo(RunningHub.snapshot(0));
    }

    @Test
    void browserOriginIsRefusedAtTheHandshake() {
        Throwable failure = catchThrowable(() -> running.connect(Map.of("Origin", "http://evil.example",
                Protocol.TOKEN_HEADER, Protocol.bearer(running.token.value()))));

        assertThat(handshakeFailure(failure).getResponse().statusCode()).isEqualTo(403);
    }

    @Test
    void loopbackHostIsUpgraded() throws Exception {
        assertThat(running.rawUpgrade("127.0.0.1:" + running.server.port())).isEqualTo("HTTP/1.1 101 Switching Protocols");
        assertThat(running.rawUpgrade("localhost:" + running.server.port())).isEqualTo("HTTP/1.1 101 Switching Protocols");
    }

    @Test
    void foreignHostIsRefusedAgainstDnsRebinding() throws Exception {
        assertThat(running.rawUpgrade("evil.example:" + running.server.port())).isEqualTo("HTTP/1.1 403 Forbidden");
    }

    @Test
    void statusNeedsTheToken() throws Exception {
        HttpResponse<String> refused = running.get("/status", Map.of());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused.body())).isEqualTo(json("{\"error\":\"missing or wrong access token\"}"));
    }

    @Test
    void statusShowsSeqAndViewersAcks() throws Exception {
        ViewerClient viewer = running.join("viewer-1");
        viewer.next();
        running.publish(RunningHub::failed);
        viewer.send(CODEC.encode(new ViewerMessage.Ack(1, true, Tier.REDEFINE, 10, 20, null, Map.of("apply", 4L))));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode status = json(running.get("/status", running.authorized()).body());
            assertThat(status.path("app").asText()).isEqualTo("demo.App");
            assertThat(status.path("serverId").asText()).isEqualTo(running.hub.serverId());
            assertThat(status.path("seq").asLong()).isEqualTo(1);
            JsonNode viewerStatus = status.path("viewers").path(0);
            assertThat(viewerStatus.path("id").asText()).isEqualTo("viewer-1");
            assertThat(viewerStatus.path("jdk").asText()).isEqualTo("17.0.15");
            assertThat(viewerStatus.path("lastAckedSeq").asLong()).isEqualTo(1);
            assertThat(viewerStatus.path("lastAck")).isEqualTo(json(
                    "{\"seq\":1,\"ok\":true,\"tier\":\"redefine\",\"phasesMs\":{\"apply\":4}}"));
        });
    }

    @Test
    void healthIsOpen() throws Exception {
        HttpResponse<String> health = running.get("/health", Map.of());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health.body())).isEqualTo(json("{\"status\":\"ok\",\"protocols\":[1]}"));
    }

    private static WebSocketHandshakeException handshakeFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WebSocketHandshakeException handshake) {
                return handshake;
            }
        }
        throw new AssertionError("not a handshake failure", failure);
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
