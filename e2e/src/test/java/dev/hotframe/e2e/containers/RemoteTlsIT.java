package dev.hotframe.e2e.containers;

import static dev.hotframe.e2e.containers.Containers.CARD;
import static dev.hotframe.e2e.containers.Containers.SCENE;
import static dev.hotframe.e2e.containers.Containers.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.testing.HotframeDevServerContainer;
import dev.hotframe.testing.HotframeViewerContainer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.Network;

/**
 * Two hosts: a dev server bound to its container's network address with {@code --tls}, and a
 * viewer in another container that knows only the URL, the token and the printed fingerprint.
 * Scene patches and asset bytes (an SkSL shader the viewer compiles) reach it over the wire.
 */
@Timeout(300)
class RemoteTlsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void pinnedViewerOnAnotherHostFollowsEditsAndAWrongPinIsRefused(@TempDir Path temp) throws Exception {
        Path project = Containers.sampleProject(temp.resolve("sample-app"));
        try (Network network = Network.newNetwork();
             HotframeDevServerContainer server = new HotframeDevServerContainer(Containers.DEVSERVER).withTls()
                     .withNetwork(network).withNetworkAliases("devhost").withProject(project)) {
            server.start();
            String pin = server.fingerprint();
            assertThat(server.getLogs()).contains("pin:     " + pin).contains("WARNING: listening on 0.0.0.0");

            try (HotframeViewerContainer viewer = new HotframeViewerContainer(Containers.VIEWER).withNetwork(network)
                    .following(server, "devhost").withPin(pin)) {
                viewer.start();
                assertThat(viewer.awaitUpdate(0, WAIT).path("ok").asBoolean()).isTrue();

                server.edit(SCENE, "\"fill\": \"#3366FF\"", "\"fill\": \"#FF3366\"");

                assertThat(viewer.awaitUpdate(1, WAIT).path("tier").asText()).isEqualTo("scene");
                assertThat(pixel(viewer.frame(1), CARD)).isEqualTo(0xFFFF3366);

                // The viewer's container has no copy of the project: the shader's bytes can only come over the socket.
                server.writeFile("assets/bg.sksl", "half4 main(float2 p) {\n    return half4(0, 0.5, 1, 1);\n}\n");
                JsonNode shader = viewer.awaitUpdate(u -> u.path("tier").asText().equals("asset") && u.path("ok").asBoolean(),
                        "the shader compiled in the remote viewer", WAIT);
                assertThat(shader.path("reason").asText()).isEqualTo("1 asset: assets/bg.sksl (shader)");

                server.writeFile("assets/bg.sksl", "half4 main(float2 p) {\n    return colr;\n}\n");
                JsonNode broken = viewer.awaitUpdate(u -> u.path("tier").asText().equals("asset") && !u.path("ok").asBoolean(),
                        "the broken shader reported by the remote viewer", WAIT);
                assertThat(broken.path("error").asText()).isEqualTo("assets/bg.sksl:2:0: unknown identifier 'colr'");
            }

            String wrong = (pin.startsWith("00") ? "11" : "00") + pin.substring(2);
            try (HotframeViewerContainer impostor = new HotframeViewerContainer(Containers.VIEWER).withNetwork(network)
                    .following(server, "devhost").withPin(wrong).withStartupCheckStrategy(Containers.MAY_EXIT)) {
                impostor.start();
                await("the wrong-pin viewer exits").atMost(WAIT).until(() -> !impostor.isRunning());
                assertThat(impostor.getCurrentContainerInfo().getState().getExitCodeLong()).isEqualTo(3L);
                assertThat(impostor.getLogs()).contains("not the pinned one");
            }
        }
    }
}
