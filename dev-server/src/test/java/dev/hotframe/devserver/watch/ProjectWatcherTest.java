package dev.hotframe.devserver.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ProjectWatcherTest {

    private static final long QUIET_MILLIS = 400;

    @TempDir
    Path dir;

    private Path sources;
    private Path scenes;
    private final LinkedBlockingQueue<ChangeBatch> batches = new LinkedBlockingQueue<>();
    private ProjectWatcher watcher;

    @BeforeEach
    void startWatcher() throws IOException {
        Path root = dir.toRealPath();
        sources = Files.createDirectories(root.resolve("src/main/java/demo"));
        scenes = Files.createDirectories(root.resolve("scenes"));
        Files.writeString(sources.resolve("App.java"), "class App {}");
        Files.writeString(scenes.resolve("main.json"), "{}");
        watcher = new ProjectWatcher(List.of(root.resolve("src/main/java"), scenes, root.resolve("assets")), QUIET_MILLIS,
                batches::add);
        watcher.start();
    }

    @AfterEach
    void closeWatcher() throws IOException {
        watcher.close();
    }

    @Test
    void burstOfEditsIsOneBatch() throws Exception {
        Path app = write(sources.resolve("App.java"), "class App { int speed; }");
        Path state = write(sources.resolve("State.java"), "class State {}");
        Path main = write(scenes.resolve("main.json"), "{ \"id\": \"root\" }");

        ChangeBatch batch = nextBatch();

        assertThat(batch.paths()).isEqualTo(Set.of(app, state, main));
        assertThat(batch.overflow()).isFalse();
        assertThat(batch.firstSeenAtMs()).isLessThanOrEqualTo(batch.closedAtMs());
        assertThat(batches.poll(QUIET_MILLIS * 2, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void deletedFileIsInTheBatch() throws Exception {
        Path main = scenes.resolve("main.json");
        Files.delete(main);

        assertThat(nextBatch().paths()).isEqualTo(Set.of(main));
    }

    @Test
    void fileInANewFolderIsSeen() throws Exception {
        Path hud = Files.createDirectories(scenes.resolve("hud"));
        Path top = write(hud.resolve("top.json"), "{}");

        ChangeBatch batch = nextBatch();
        while (!batch.paths().contains(top)) {
            // The folder may arrive in a batch of its own before the watcher sees the file inside it.
            batch = nextBatch();
        }

        assertThat(batch.paths()).isSubsetOf(Set.of(hud, top));
    }

    private ChangeBatch nextBatch() throws InterruptedException {
        ChangeBatch batch = batches.poll(10, TimeUnit.SECONDS);
        assertThat(batch).as("a batch within 10 s").isNotNull();
        return batch;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }
}
