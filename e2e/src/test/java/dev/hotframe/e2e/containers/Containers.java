package dev.hotframe.e2e.containers;

import dev.hotframe.e2e.Checkout;
import dev.hotframe.testing.HotframeImages;
import dev.hotframe.testing.project.SampleApp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Future;

/** The images built from this checkout's jars, built once per test run, and copies of the sample app. */
final class Containers {

    static final Future<String> DEVSERVER = HotframeImages.devServer(Checkout.DEVSERVER_JAR);
    static final Future<String> VIEWER = HotframeImages.viewer(Checkout.VIEWER_JAR);
    /** Inside the first card of the sample's dashboard scene. */
    static final int[] CARD = {240, 200};
    /** Inside the chart panel that DashboardApp.panelColor() paints. */
    static final int[] PANEL = {40, 262};
    static final String APP = SampleApp.APP;
    static final String SCENE = SampleApp.SCENE;

    /** For containers expected to exit on their own: any exit is a successful start. */
    static final org.testcontainers.containers.startupcheck.StartupCheckStrategy MAY_EXIT =
            new org.testcontainers.containers.startupcheck.StartupCheckStrategy() {
                @Override
                public StartupStatus checkStartupState(com.github.dockerjava.api.DockerClient client, String id) {
                    return StartupStatus.SUCCESSFUL;
                }
            };

    private Containers() {
    }

    /** Copies the sample app's descriptor, sources and scenes to {@code dir}. */
    static Path sampleProject(Path dir) throws IOException {
        return SampleApp.copySources(Checkout.SAMPLE_APP, dir).dir();
    }

    static int pixel(java.awt.image.BufferedImage image, int[] at) {
        return image.getRGB(at[0], at[1]);
    }
}
