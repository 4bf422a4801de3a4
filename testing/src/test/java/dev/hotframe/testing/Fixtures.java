package dev.hotframe.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** The images built from this checkout's jars, built once per test run, and copies of the sample app. */
final class Fixtures {

    static final Path ROOT = Path.of(System.getProperty("hotframe.root", "..")).toAbsolutePath().normalize();
    static final Future<String> DEVSERVER = HotframeImages.devServer(ROOT.resolve("dev-server/target/hotframe-devserver.jar"));
    static final Future<String> VIEWER = HotframeImages.viewer(ROOT.resolve("viewer/target/hotframe-viewer.jar"));
    /** Inside the first card of the sample's dashboard scene. */
    static final int[] CARD = {240, 200};
    /** Inside the chart panel that DashboardApp.panelColor() paints. */
    static final int[] PANEL = {40, 262};
    static final String APP = "src/main/java/dev/hotframe/sample/DashboardApp.java";
    static final String SCENE = "scenes/dashboard.json";

    /** For containers expected to exit on their own: any exit is a successful start. */
    static final org.testcontainers.containers.startupcheck.StartupCheckStrategy MAY_EXIT =
            new org.testcontainers.containers.startupcheck.StartupCheckStrategy() {
                @Override
                public StartupStatus checkStartupState(com.github.dockerjava.api.DockerClient client, String id) {
                    return StartupStatus.SUCCESSFUL;
                }
            };

    private Fixtures() {
    }

    /** Copies the sample app's descriptor, sources and scenes to {@code dir}. */
    static Path sampleProject(Path dir) throws IOException {
        Path sample = ROOT.resolve("sample-app");
        Files.createDirectories(dir);
        for (String part : new String[] {"hotframe.json", "src", "scenes"}) {
            Path from = sample.resolve(part);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path to = dir.resolve(sample.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return dir;
    }

    static int pixel(java.awt.image.BufferedImage image, int[] at) {
        return image.getRGB(at[0], at[1]);
    }
}
