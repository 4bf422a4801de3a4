package dev.hotframe.devserver.scene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.devserver.project.Project;
import dev.hotframe.scene.PatchOp;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.SceneChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class SceneStoreTest {

    private static final String MAIN = "{ \"id\": \"root\", \"type\": \"group\", \"children\": [ { \"id\": \"card\", \"type\": \"rect\", \"x\": 1 } ] }";
    private static final SceneNode CARD = new SceneNode("card", "rect", Map.of("x", 1), List.of());
    private static final SceneNode MAIN_ROOT = new SceneNode("root", "group", Map.of(), List.of(CARD));
    private static final SceneNode TOP_ROOT = new SceneNode("top", "text", Map.of("text", "hi"), List.of());

    @TempDir
    Path dir;

    private Path scenes;
    private SceneStore store;

    @BeforeEach
    void createProject() throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        Files.createDirectories(root.resolve("src/main/java"));
        Files.writeString(root.resolve("hotframe.json"), "{\"app\": \"demo.App\"}");
        scenes = root.resolve("scenes");
        Files.createDirectories(scenes.resolve("hud"));
        Files.writeString(scenes.resolve("main.json"), MAIN);
        Files.writeString(scenes.resolve("hud/top.json"), "{ \"id\": \"top\", \"type\": \"text\", \"text\": \"hi\" }");
        Files.writeString(scenes.resolve("notes.txt"), "not a scene");
        store = new SceneStore(Project.load(root));
    }

    @Test
    void loadAllAddsEverySceneByName() {
        SceneStore.Result result = store.loadAll();

        assertThat(result).isEqualTo(new SceneStore.Result(
                List.of(SceneChange.added("hud/top", TOP_ROOT), SceneChange.added("main", MAIN_ROOT)), List.of()));
        assertThat(store.scenes()).isEqualTo(Map.of("main", MAIN_ROOT, "hud/top", TOP_ROOT));
    }

    @Test
    void sceneOverTheNodeLimitIsRefusedAndTheLastGoodOneKept() throws IOException {
        SceneStore small = new SceneStore(Project.load(dir.toAbsolutePath().normalize()), 2);
        small.loadAll();
        Path main = write("main.json", MAIN.replace("\"x\": 1 }", "\"x\": 1 }, { \"id\": \"extra\", \"type\": \"rect\" }"));

        SceneStore.Result result = small.changed(List.of(main));

        assertThat(result).isEqualTo(new SceneStore.Result(List.of(), List.of(new Diagnostic("scenes/main.json", 1, 1,
                "the scene has 3 nodes; viewers accept at most 2 per scene. Split it into several scene files"))));
        assertThat(small.scenes().get("main")).isEqualTo(MAIN_ROOT);
    }

    @Test
    void editedSceneBecomesAPatch() throws IOException {
        store.loadAll();
        Path main = write("main.json", MAIN.replace("\"x\": 1", "\"x\": 25"));

        SceneStore.Result result = store.changed(List.of(main));

        assertThat(result).isEqualTo(new SceneStore.Result(List.of(SceneChange.patch("main",
                List.of(new PatchOp.SetProps("card", Map.of("x", 25), List.of())))), List.of()));
    }

    @Test
    void unchangedSceneSendsNothing() throws IOException {
        store.loadAll();
        Path main = write("main.json", MAIN + "\n// just a comment\n");

        assertThat(store.changed(List.of(main))).isEqualTo(new SceneStore.Result(List.of(), List.of()));
    }

    @Test
    void deletedSceneIsRemoved() throws IOException {
        store.loadAll();
        Files.delete(scenes.resolve("hud/top.json"));

        SceneStore.Result result = store.changed(List.of(scenes.resolve("hud/top.json"), scenes.resolve("never.json")));

        assertThat(result).isEqualTo(new SceneStore.Result(List.of(SceneChange.deleted("hud/top")), List.of()));
        assertThat(store.scenes()).isEqualTo(Map.of("main", MAIN_ROOT));
    }

    @Test
    void parseErrorKeepsTheLastGoodSceneAndSaysWhere() throws IOException {
        store.loadAll();
        Path main = write("main.json", MAIN.replace("\"x\": 1", "\"fill\": \"#12345\""));

        SceneStore.Result result = store.changed(List.of(main));

        assertThat(result).isEqualTo(new SceneStore.Result(List.of(), List.of(new Diagnostic("scenes/main.json", 1, 88,
                "property 'fill' must be a colour written #RRGGBB or #AARRGGBB, was '#12345'"))));
        assertThat(store.scenes().get("main")).isEqualTo(MAIN_ROOT);
    }

    @Test
    void fixedSceneIsPatchedFromTheLastGoodVersion() throws IOException {
        store.loadAll();
        store.changed(List.of(write("main.json", "{ broken")));

        SceneStore.Result result = store.changed(List.of(write("main.json", MAIN.replace("\"x\": 1", "\"x\": 2"))));

        assertThat(result).isEqualTo(new SceneStore.Result(List.of(SceneChange.patch("main",
                List.of(new PatchOp.SetProps("card", Map.of("x", 2), List.of())))), List.of()));
    }

    @Test
    void editOfAComponentTemplateIsOneSetPropsPerInstance() throws IOException {
        String components = """
                { "id": "root", "type": "row",
                  "components": { "Card": { "params": { "title": "" }, "node":
                    { "id": "card", "type": "column", "background": "#3366FF", "children": [
                      { "id": "label", "type": "text", "text": "{{title}}" } ] } } },
                  "children": [
                    { "id": "a", "use": "Card", "with": { "title": "A" } },
                    { "id": "b", "use": "Card", "with": { "title": "B" } } ] }
                """;
        store.changed(List.of(write("main.json", components)));

        SceneStore.Result result = store.changed(List.of(write("main.json", components.replace("#3366FF", "#FF3366"))));

        assertThat(result).isEqualTo(new SceneStore.Result(List.of(SceneChange.patch("main", List.of(
                new PatchOp.SetProps("a", Map.of("background", "#FF3366"), List.of()),
                new PatchOp.SetProps("b", Map.of("background", "#FF3366"), List.of())))), List.of()));
    }

    @Test
    void onlyJsonFilesUnderScenesAreScenes() {
        assertThat(store.isScene(scenes.resolve("main.json"))).isTrue();
        assertThat(store.isScene(scenes.resolve("hud/top.json"))).isTrue();
        assertThat(store.isScene(scenes.resolve("notes.txt"))).isFalse();
        assertThat(store.isScene(dir.toAbsolutePath().normalize().resolve("hotframe.json"))).isFalse();
    }

    private Path write(String name, String text) throws IOException {
        Path file = scenes.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
