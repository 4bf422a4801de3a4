package dev.hotframe.devserver.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class ProjectTest {

    @TempDir
    Path dir;

    private Path root;
    private Path descriptor;

    @BeforeEach
    void createFolders() throws IOException {
        root = dir.toAbsolutePath().normalize();
        descriptor = root.resolve("hotframe.json");
        Files.createDirectories(root.resolve("src/main/java"));
    }

    @Test
    void minimalDescriptorGetsTheDefaults() throws IOException {
        Files.writeString(descriptor, "{\"app\": \"demo.App\"}");

        assertThat(Project.load(root)).isEqualTo(new Project(root, "demo.App", root.resolve("src/main/java"),
                root.resolve("scenes"), root.resolve("assets"), List.of(), OptionalInt.empty()));
    }

    @Test
    void everyFieldMayBeSetWithCommentsAndTrailingCommas() throws IOException {
        Files.createDirectories(root.resolve("code"));
        Files.writeString(descriptor, """
                {
                  // the entry point
                  "app": "demo.App",
                  "sources": "code",
                  "scenes": "ui/scenes",
                  "assets": "ui/assets",
                  "classpath": ["lib/a.jar", "../shared/b.jar"],
                  "release": 21,
                }
                """);

        assertThat(Project.load(root)).isEqualTo(new Project(root, "demo.App", root.resolve("code"), root.resolve("ui/scenes"),
                root.resolve("ui/assets"), List.of(root.resolve("lib/a.jar"), root.getParent().resolve("shared/b.jar")), OptionalInt.of(21)));
    }

    @Test
    void missingDescriptorSaysWhatToWrite() {
        assertThatThrownBy(() -> Project.load(root))
                .isInstanceOf(ProjectException.class)
                .hasMessage(descriptor + ": not found. A Hotframe project needs a hotframe.json like {\"app\": \"com.example.MyApp\"}");
    }

    @Test
    void missingAppSaysWhatToSet() throws IOException {
        Files.writeString(descriptor, "{\"sources\": \"src/main/java\"}");

        assertThatThrownBy(() -> Project.load(root))
                .isInstanceOf(ProjectException.class)
                .hasMessage(descriptor + ": 'app' is missing; set it to the fully qualified class of your app, "
                        + "like {\"app\": \"com.example.MyApp\"}");
    }

    @Test
    void syntaxErrorNamesLineAndColumn() throws IOException {
        Files.writeString(descriptor, "{\n  \"app\": \"demo.App\"\n  \"release\": 17\n}\n");

        assertThatThrownBy(() -> Project.load(root))
                .isInstanceOf(ProjectException.class)
                .hasMessage(descriptor + ":3:3: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries");
    }

    @Test
    void missingSourceFolderIsNamed() throws IOException {
        Files.writeString(descriptor, "{\"app\": \"demo.App\", \"sources\": \"nowhere\"}");

        assertThatThrownBy(() -> Project.load(root))
                .isInstanceOf(ProjectException.class)
                .hasMessage(descriptor + ": the source folder " + root.resolve("nowhere") + " does not exist");
    }

    @Test
    void relativePathsUseForwardSlashes() {
        Project project = new Project(root, "demo.App", root.resolve("src/main/java"), root.resolve("scenes"),
                root.resolve("assets"), List.of(), OptionalInt.empty());

        assertThat(project.relative(root.resolve("src/main/java/demo/App.java"))).isEqualTo("src/main/java/demo/App.java");
        assertThat(project.relative(Path.of("/elsewhere/X.java"))).isEqualTo("/elsewhere/X.java");
    }
}
