package dev.hotframe.devserver.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.devserver.assets.AssetCatalog;
import dev.hotframe.devserver.compile.JavaBuild;
import dev.hotframe.devserver.libs.LibraryShelf;
import dev.hotframe.devserver.project.Project;
import dev.hotframe.devserver.scene.SceneStore;
import dev.hotframe.devserver.watch.ChangeBatch;
import dev.hotframe.wire.ServerMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file read while its editor is still writing it (a save in place truncates, then writes) is
 * read again once the writer is done, and its half is never reported as an error. The writer
 * finishes inside the pipeline's settle step, which is where a real one has a moment to.
 */
@Timeout(60)
class HalfWrittenSaveTest {

    private static final String APP = """
            package demo;

            public final class App implements dev.hotframe.app.HotframeApp<App.State> {
                public static final class State {
                }

                public State initialState() {
                    return new State();
                }

                public void render(State s, dev.hotframe.app.Frame f) {
                    f.canvas().clear(0xFF102030);
                }
            }
            """;
    private static final String SCENE = """
            { "id": "root", "type": "group", "children": [
              { "id": "card", "type": "rect", "w": 100, "h": 40, "fill": "#3366FF" },
            ] }
            """;

    @TempDir
    Path dir;

    private Path root;
    private final List<ServerMessage.Update> sent = new CopyOnWriteArrayList<>();
    private Runnable finishWriting = () -> { };

    @BeforeEach
    void project() throws IOException {
        root = dir.toRealPath();
        Files.createDirectories(root.resolve("src/main/java/demo"));
        Files.createDirectories(root.resolve("scenes"));
        Files.writeString(root.resolve("hotframe.json"), "{\"app\": \"demo.App\"}");
        Files.writeString(root.resolve("src/main/java/demo/App.java"), APP);
        Files.writeString(root.resolve("scenes/main.json"), SCENE);
    }

    @Test
    void aSceneReadHalfWrittenIsReadAgainAndSentWhole() throws IOException {
        ChangePipeline pipeline = pipeline();
        Path scene = root.resolve("scenes/main.json");
        String edited = SCENE.replace("#3366FF", "#22AA88");
        Files.writeString(scene, edited.substring(0, edited.length() / 2));
        finishWriting = () -> write(scene, edited);

        pipeline.onBatch(batch(scene));

        assertThat(sent).singleElement().isInstanceOf(ServerMessage.SceneUpdate.class);
        assertThat(((ServerMessage.SceneUpdate) sent.get(0)).meta().files()).containsExactly("scenes/main.json");
    }

    @Test
    void aJavaFileReadHalfWrittenIsCompiledAgainAndSentWhole() throws IOException {
        ChangePipeline pipeline = pipeline();
        Path app = root.resolve("src/main/java/demo/App.java");
        String edited = APP.replace("0xFF102030", "0xFF304050");
        Files.writeString(app, "");
        finishWriting = () -> write(app, edited);

        pipeline.onBatch(batch(app));

        assertThat(sent).singleElement().isInstanceOf(ServerMessage.CodeUpdate.class);
    }

    @Test
    void aFileThatIsReallyBrokenIsReportedOnce() throws IOException {
        ChangePipeline pipeline = pipeline();
        Path scene = root.resolve("scenes/main.json");
        Files.writeString(scene, SCENE.substring(0, SCENE.length() / 2));

        pipeline.onBatch(batch(scene));

        assertThat(sent).singleElement().isInstanceOf(ServerMessage.UpdateFailed.class);
    }

    private ChangePipeline pipeline() {
        Project project = Project.load(root);
        JavaBuild build = new JavaBuild(project);
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);
        SceneStore scenes = new SceneStore(project);
        assertThat(scenes.loadAll().errors()).isEmpty();
        AssetCatalog assets = new AssetCatalog(project);
        assets.loadAll();
        Publisher publisher = new Publisher("demo.App", Published.EMPTY, () -> 1_000).sendTo(sent::add);
        return new ChangePipeline(project, build, scenes, publisher, () -> 0, assets, new LibraryShelf(), () -> {
            finishWriting.run();
            finishWriting = () -> { };
        });
    }

    private static ChangeBatch batch(Path file) {
        long now = System.currentTimeMillis();
        return new ChangeBatch(Set.of(file), now, now, false);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
