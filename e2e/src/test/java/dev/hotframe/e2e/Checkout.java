package dev.hotframe.e2e;

import dev.hotframe.testing.project.SampleApp;
import java.io.IOException;
import java.nio.file.Path;

/** This checkout: the jars under test and the sample app, found through {@code hotframe.root}. */
public final class Checkout {

    public static final Path ROOT = Path.of(System.getProperty("hotframe.root", "..")).toAbsolutePath().normalize();
    public static final Path DEVSERVER_JAR = ROOT.resolve("dev-server/target/hotframe-devserver.jar");
    public static final Path VIEWER_JAR = ROOT.resolve("viewer/target/hotframe-viewer.jar");
    public static final Path SAMPLE_APP = ROOT.resolve("sample-app");

    private Checkout() {
    }

    /** A copy of the whole sample app (its pom included) in {@code dir}. */
    public static SampleApp sampleApp(Path dir) throws IOException {
        return SampleApp.copy(SAMPLE_APP, dir);
    }
}
