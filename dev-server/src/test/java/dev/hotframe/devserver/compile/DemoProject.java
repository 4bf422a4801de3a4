package dev.hotframe.devserver.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.devserver.project.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small real Hotframe project on disk: {@code demo.App} drawing {@code demo.State}. */
final class DemoProject {

    static final String APP = """
            package demo;

            import dev.hotframe.app.Frame;
            import dev.hotframe.app.HotframeApp;

            public final class App implements HotframeApp<State> {
                public State initialState() {
                    return new State();
                }

                public void update(State s, double dt) {
                    s.x += dt * 10;
                }

                public void render(State s, Frame f) {
                    f.scene("main");
                }
            }
            """;

    static final String STATE = """
            package demo;

            public final class State {
                public double x;
            }
            """;

    private final Path root;

    private DemoProject(Path root) {
        this.root = root;
    }

    /** Writes the descriptor, {@code App.java} and {@code State.java} under {@code root}. */
    static DemoProject create(Path root) {
        DemoProject project = new DemoProject(root);
        project.writeFile("hotframe.json", "{\"app\": \"demo.App\"}");
        project.write("App.java", APP);
        project.write("State.java", STATE);
        return project;
    }

    Project load() {
        return Project.load(root);
    }

    /** The source file {@code src/main/java/demo/<name>}. */
    Path source(String name) {
        return root.resolve("src/main/java/demo").resolve(name).toAbsolutePath().normalize();
    }

    Path write(String name, String content) {
        return writeFile("src/main/java/demo/" + name, content);
    }

    /** Replaces {@code from} (which must be there) with {@code to} in a source file and returns its path. */
    Path edit(String name, String from, String to) {
        try {
            String text = Files.readString(source(name));
            assertThat(text).as("%s before the edit", name).contains(from);
            return write(name, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path delete(String name) {
        try {
            Files.delete(source(name));
            return source(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path writeFile(String relative, String content) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath().normalize();
    }
}
