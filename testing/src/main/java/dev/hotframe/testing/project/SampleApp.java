package dev.hotframe.testing.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A copy of Hotframe's sample app (a dashboard: a scene, an app class and its state) to edit in a test or a benchmark. */
public final class SampleApp {

    /** The sample's app class, relative to the project folder. */
    public static final String APP = "src/main/java/dev/hotframe/sample/DashboardApp.java";
    /** The sample's state class. */
    public static final String STATE = "src/main/java/dev/hotframe/sample/DashboardState.java";
    /** The sample's scene. */
    public static final String SCENE = "scenes/dashboard.json";

    private final Path dir;

    private SampleApp(Path dir) {
        this.dir = dir;
    }

    /** Copies all of {@code sampleApp} but its {@code target} folder to {@code dir}. */
    public static SampleApp copy(Path sampleApp, Path dir) throws IOException {
        copyParts(sampleApp, dir, path -> !path.startsWith("target"));
        return new SampleApp(dir);
    }

    /**
     * Copies only the sample's descriptor, sources and scenes to {@code dir}, without its pom: a
     * dev server that finds no pom resolves no Maven classpath (in a container without Maven).
     */
    public static SampleApp copySources(Path sampleApp, Path dir) throws IOException {
        List<String> parts = List.of("hotframe.json", "src", "scenes");
        copyParts(sampleApp, dir, path -> path.toString().isEmpty() || parts.contains(path.getName(0).toString()));
        return new SampleApp(dir);
    }

    private static void copyParts(Path sampleApp, Path dir, java.util.function.Predicate<Path> include) throws IOException {
        if (!Files.isRegularFile(sampleApp.resolve("hotframe.json"))) {
            throw new IllegalArgumentException("not the sample app (no hotframe.json): " + sampleApp);
        }
        try (Stream<Path> walk = Files.walk(sampleApp)) {
            for (Path source : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path relative = sampleApp.relativize(source);
                if (!include.test(relative)) {
                    continue;
                }
                Path target = dir.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    public Path dir() {
        return dir;
    }

    /** Replaces {@code from} with {@code to} in a project file; fails if the file does not contain {@code from}. */
    public void edit(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        if (!text.contains(from)) {
            throw new AssertionError("[" + file + "] does not contain:\n" + from + "\nit reads:\n" + text);
        }
        Files.writeString(path, text.replace(from, to));
    }

    /** The 1-based line of the first line of {@code file} that contains {@code text}. */
    public int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }
}
