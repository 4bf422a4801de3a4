package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A copy of sample-app in a temporary folder, and the jars under test. */
final class SampleProject {

    static final Path ROOT = Path.of(System.getProperty("hotframe.root", "..")).toAbsolutePath().normalize();
    static final Path DEVSERVER_JAR = ROOT.resolve("dev-server/target/hotframe-devserver.jar");
    static final Path VIEWER_JAR = ROOT.resolve("viewer/target/hotframe-viewer.jar");

    private final Path dir;

    private SampleProject(Path dir) {
        this.dir = dir;
    }

    static SampleProject copyTo(Path dir) throws IOException {
        Path from = ROOT.resolve("sample-app");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path relative = from.relativize(source);
                if (relative.startsWith("target")) {
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
        return new SampleProject(dir);
    }

    Path dir() {
        return dir;
    }

    /** Replaces {@code from} with {@code to} in a project file. */
    void edit(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        assertThat(text).as(file).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    /** The 1-based line of the first line of {@code file} that contains {@code text}. */
    int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }
}
