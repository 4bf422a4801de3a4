package dev.hotframe.bench.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class HostileEditsTest {

    @TempDir
    Path dir;

    private ProjectLayout project(String app, String scene) throws IOException {
        Files.writeString(dir.resolve("hotframe.json"), "{\n  // comment\n  \"app\": \"demo.App\",\n}\n");
        Files.createDirectories(dir.resolve("src/main/java/demo"));
        Files.writeString(dir.resolve("src/main/java/demo/App.java"), app);
        if (scene != null) {
            Files.createDirectories(dir.resolve("scenes"));
            Files.writeString(dir.resolve("scenes/main.json"), scene);
        }
        return ProjectLayout.read(dir);
    }

    private static HostileEdit edit(String name) {
        return Drill.select(List.of(name)).get(0);
    }

    private static String hostile(Prepared prepared) {
        return new String(((Prepared.Ready) prepared).change().hostile(), StandardCharsets.UTF_8);
    }

    @Test
    void anAppWithoutRenderGetsASkippedRowThatSaysSo() throws IOException {
        ProjectLayout project = project("package demo; class App { void update(S s, double dt) { } }", null);
        assertThat(edit("exit-in-render").prepare(project))
                .isEqualTo(new Prepared.Skipped("could not find render(...) in src/main/java/demo/App.java"));
        assertThat(edit("scene-bad-json").prepare(project))
                .isEqualTo(new Prepared.Skipped("no scene file (*.json) in the project's scenes folder"));
        assertThat(hostile(edit("halt-in-update").prepare(project))).isEqualTo(
                "package demo; class App { void update(S s, double dt) {\n        Runtime.getRuntime().halt(1); // fault-drill }"
                        + " }");
    }

    @Test
    void sceneEditsWorkFromAnySceneNotTheSampleText() throws IOException {
        String scene = "// a comment { with a brace\n{ \"id\": \"root\", \"type\": \"group\", \"children\": [ ] }\n";
        ProjectLayout project = project("package demo; class App { }", scene);
        assertThat(hostile(edit("scene-bad-json").prepare(project)))
                .isEqualTo("// a comment { with a brace\n{ \"faultDrill\": ,  \"id\": \"root\", \"type\": \"group\", \"children\": [ ] }\n");
        assertThat(hostile(edit("scene-half-written").prepare(project))).isEqualTo(scene.substring(0, scene.length() / 2));
        String nested = hostile(edit("scene-nested-300").prepare(project));
        assertThat(nested).startsWith(scene.substring(0, scene.indexOf('[') + 1)
                + "{\"id\": \"fault-drill-0\", \"type\": \"group\", \"children\": [{\"id\": \"fault-drill-1\"");
        assertThat(nested).endsWith("]}]}]} ] }\n").contains("\"fault-drill-299\"").doesNotContain("\"fault-drill-300\"");
    }

    @Test
    void aMissingDescriptorOrAppSourceFailsWithWhatIsMissing() throws IOException {
        assertThatThrownBy(() -> ProjectLayout.read(dir)).hasMessage("not a Hotframe project: " + dir
                + " has no hotframe.json (create one with 'bin/devserver init NAME', or point --project at the folder that has it)");
        Files.writeString(dir.resolve("hotframe.json"), "{ \"app\": \"demo.Gone\" }");
        assertThatThrownBy(() -> ProjectLayout.read(dir)).hasMessage("the app class demo.Gone has no source at "
                + "src/main/java/demo/Gone.java (\"sources\" in hotframe.json says where sources are)");
        Files.writeString(dir.resolve("hotframe.json"), "{ \"sources\": \"src\" }");
        assertThatThrownBy(() -> ProjectLayout.read(dir))
                .hasMessage(dir.resolve("hotframe.json") + " names no app class (\"app\": \"com.example.MyApp\")");
    }

    @Test
    void anUnknownNameFailsWithTheKnownOnes() {
        assertThatThrownBy(() -> Drill.select(List.of("exit-in-render", "nope")))
                .hasMessageStartingWith("no hostile edit named 'nope'; the names are: exit-in-render, halt-in-update,");
    }
}
