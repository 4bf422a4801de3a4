package dev.hotframe.e2e.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.testing.HotframeDevServerContainer;
import dev.hotframe.testing.HotframeImages;
import dev.hotframe.testing.HotframeViewerContainer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.Network;

/** The example in README.md ("Testing your app in containers"), kept honest by running it. */
@Timeout(300)
class ExampleIT {

    @Test
    void myDashboardDrawsItsFirstCardBlueAndFollowsAnEdit(@TempDir Path temp) throws Exception {
        Path myProject = Containers.sampleProject(temp.resolve("my-app"));
        // README example starts here.
        try (Network network = Network.newNetwork();
             HotframeDevServerContainer server = new HotframeDevServerContainer(
                     HotframeImages.devServer(Path.of("../dev-server/target/hotframe-devserver.jar")))
                     .withNetwork(network).withNetworkAliases("devserver").withProject(myProject);
             HotframeViewerContainer viewer = new HotframeViewerContainer(
                     HotframeImages.viewer(Path.of("../viewer/target/hotframe-viewer.jar")))
                     .withNetwork(network).following(server, "devserver")) {
            server.start();
            viewer.start();

            assertThat(viewer.awaitUpdate(0, Duration.ofMinutes(1)).path("ok").asBoolean()).isTrue();
            assertThat(viewer.latestFrame().getRGB(240, 200)).isEqualTo(0xFF3366FF);

            server.edit("scenes/dashboard.json", "#3366FF", "#FF3366");
            assertThat(viewer.awaitUpdate(1, Duration.ofMinutes(1)).path("tier").asText()).isEqualTo("scene");
            assertThat(viewer.frame(1).getRGB(240, 200)).isEqualTo(0xFFFF3366);
            assertThat(viewer.state().path("frames").asLong()).isPositive();
        }
        // README example ends here.
    }
}
