package dev.hotframe.bench.live;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the built jars and the sample app are, checked once so that a missing jar fails with the fix. */
public record Jars(Path root, Path devServer, Path viewer, Path bench) {

    public static Jars under(Path root) {
        Jars jars = new Jars(root, root.resolve("dev-server/target/hotframe-devserver.jar"),
                root.resolve("viewer/target/hotframe-viewer.jar"), root.resolve("bench/target/hotframe-bench.jar"));
        for (Path jar : new Path[] {jars.devServer, jars.viewer, jars.bench}) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing; build it with 'mvn -q -o package -DskipTests' in " + root
                        + " (bin/bench does this when a jar is missing)");
            }
        }
        return jars;
    }

    /** The jars of a live run only (dev server and viewer), for a caller that runs without the bench jar (a test). */
    public static Jars live(Path root) {
        Jars jars = new Jars(root, root.resolve("dev-server/target/hotframe-devserver.jar"),
                root.resolve("viewer/target/hotframe-viewer.jar"), root.resolve("bench/target/hotframe-bench.jar"));
        for (Path jar : new Path[] {jars.devServer, jars.viewer}) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing; build it with 'mvn -q -o package -DskipTests' in " + root);
            }
        }
        return jars;
    }

    public Path sampleApp() {
        return root.resolve("sample-app");
    }

    /** The java launcher of the JDK that runs the harness, so every process runs on the same JDK. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
