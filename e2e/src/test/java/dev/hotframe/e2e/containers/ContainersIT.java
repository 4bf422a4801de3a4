package dev.hotframe.e2e.containers;

import static dev.hotframe.e2e.containers.Containers.APP;
import static dev.hotframe.e2e.containers.Containers.CARD;
import static dev.hotframe.e2e.containers.Containers.PANEL;
import static dev.hotframe.e2e.containers.Containers.SCENE;
import static dev.hotframe.e2e.containers.Containers.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.testing.HotframeDevServerContainer;
import dev.hotframe.testing.HotframeViewerContainer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.Network;

/**
 * A dev server container and a headless viewer container on one Docker network: edits reach the
 * viewer's frames, a wrong token is refused, and a dev server replaced mid-session is followed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(300)
class ContainersIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final Network network = Network.newNetwork();
    private Path project;
    private HotframeDevServerContainer server;
    private HotframeViewerContainer viewer;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        project = Containers.sampleProject(temp.resolve("sample-app"));
        server = devServer(null);
        server.start();
        viewer = new HotframeViewerContainer(Containers.VIEWER).withNetwork(network).following(server, "devserver");
        viewer.start();
        JsonNode snapshot = viewer.awaitUpdate(0, WAIT);
        assertThat(snapshot.path("ok").asBoolean()).as(snapshot.toString()).isTrue();
    }

    @AfterAll
    void stop() {
        if (viewer != null) {
            System.out.println(viewer.getLogs());
            viewer.stop();
        }
        if (server != null) {
            System.out.println(server.getLogs());
            server.stop();
        }
        network.close();
    }

    @Test
    @Order(1)
    void sceneEditReachesTheViewerWithoutCompiling() {
        assertThat(pixel(viewer.frame(0), CARD)).isEqualTo(0xFF3366FF);

        server.edit(SCENE, "\"fill\": \"#3366FF\"", "\"fill\": \"#FF3366\"");

        JsonNode update = viewer.awaitUpdate(1, WAIT);
        assertThat(update.path("tier").asText()).isEqualTo("scene");
        assertThat(pixel(viewer.frame(1), CARD)).isEqualTo(0xFFFF3366);
    }

    @Test
    @Order(2)
    void javaEditReachesTheViewerAsClassBytes() {
        server.edit(APP, "return 0xFF1B2838;", "return 0xFF5A1B38;");

        JsonNode update = viewer.awaitUpdate(2, WAIT);
        assertThat(update.path("tier").asText()).isEqualTo("redefine");
        assertThat(update.path("ok").asBoolean()).as(update.toString()).isTrue();
        assertThat(pixel(viewer.frame(2), PANEL)).isEqualTo(0xFF5A1B38);
    }

    @Test
    @Order(3)
    void viewerWithAWrongTokenIsRefused() {
        try (HotframeViewerContainer intruder = new HotframeViewerContainer(Containers.VIEWER).withNetwork(network)
                .following(server.urlFor("devserver"), "0".repeat(64)).withStartupCheckStrategy(Containers.MAY_EXIT)) {
            intruder.start();
            await("the refused viewer exits").atMost(WAIT).until(() -> !intruder.isRunning());
            assertThat(intruder.getCurrentContainerInfo().getState().getExitCodeLong()).isEqualTo(3L);
            assertThat(intruder.getLogs()).contains("the dev server refused this viewer: missing or wrong access token");
        }
        assertThat(server.getLogs()).contains("missing or wrong access token");
    }

    @Test
    @Order(4)
    void replacedDevServerIsFollowedAndTheStateKept() {
        long framesBefore = viewer.state().path("frames").asLong();
        String token = server.token();
        server.stop();
        HotframeDevServerContainer replacement = devServer(token);
        replacement.start();
        server = replacement;

        JsonNode resync = viewer.awaitUpdate(u -> u.path("tier").asText().equals("snapshot") && viewer.updates().size() > 3,
                "the resync snapshot", WAIT);
        assertThat(resync.path("ok").asBoolean()).as(resync.toString()).isTrue();
        assertThat(viewer.state().path("frames").asLong()).as("the app kept its state").isGreaterThan(framesBefore);

        server.edit(SCENE, "\"fill\": \"#3366FF\"", "\"fill\": \"#22CC44\"");
        viewer.awaitUpdate(u -> u.path("tier").asText().equals("scene") && u.path("seq").asLong() == 1
                && viewer.updates().indexOf(u) > 3, "the first edit through the new server", WAIT);
        assertThat(pixel(viewer.latestFrame(), CARD)).isEqualTo(0xFF22CC44);
    }

    private HotframeDevServerContainer devServer(String token) {
        HotframeDevServerContainer container = token == null ? new HotframeDevServerContainer(Containers.DEVSERVER)
                : new HotframeDevServerContainer(Containers.DEVSERVER, token);
        return container.withNetwork(network).withNetworkAliases("devserver").withProject(project);
    }
}
