package dev.hotframe.devserver.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real watcher on real files, edited the ways editors and version control edit them. */
@Timeout(60)
class ProjectWatcherTest {

    private static final long QUIET_MILLIS = 400;
    private static final String APP = "class App { int speed; }";

    @TempDir
    Path dir;

    private Path root;
    private Path sources;
    private Path scenes;
    private Path app;
    private final LinkedBlockingQueue<Seen> batches = new LinkedBlockingQueue<>();
    private ProjectWatcher watcher;

    /** A batch, and what its files held when the consumer got it. */
    record Seen(ChangeBatch batch, List<String> contents) {
    }

    @BeforeEach
    void createFiles() throws IOException {
        root = dir.toRealPath();
        sources = Files.createDirectories(root.resolve("src/main/java/demo"));
        scenes = Files.createDirectories(root.resolve("scenes"));
        app = Files.writeString(sources.resolve("App.java"), "class App {}");
        Files.writeString(scenes.resolve("main.json"), "{}");
    }

    @AfterEach
    void closeWatcher() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void loneSaveGoesOutAtOnceWithoutWaitingForQuiet() throws Exception {
        watch(600_000);

        Files.writeString(app, APP);

        Seen seen = next();
        assertThat(seen.batch().paths()).containsExactly(app);
        assertThat(seen.batch().early()).isTrue();
        assertThat(seen.contents()).containsExactly(APP);
    }

    @Test
    void oneSaveWhoseEventsQueuedUpBeforeTheBatcherRanIsStillALoneSave() throws Exception {
        watcher = new ProjectWatcher(List.of(root.resolve("src/main/java"), scenes), 600_000,
                batch -> batches.add(new Seen(batch, batch.paths().stream().map(ProjectWatcherTest::read).toList())));
        Files.writeString(app, APP);
        // A loaded machine: the truncate and the write of that one save were both reported before the batcher ran.
        watcher.reported(app, false);
        watcher.reported(app, false);
        watcher.start();

        Seen seen = next();
        assertThat(seen.batch().paths()).containsExactly(app);
        assertThat(seen.batch().early()).as("no wait for the 600 s quiet window").isTrue();
        assertThat(seen.contents()).containsExactly(APP);
    }

    @Test
    void burstIsOneQuietBatchAfterAtMostOneEarlyBatchThatItSupersedes() throws Exception {
        watch(QUIET_MILLIS);
        Set<Path> written = Set.of(write(app, APP), write(sources.resolve("State.java"), "class State {}"),
                write(scenes.resolve("main.json"), "{ \"id\": \"root\" }"));

        List<ChangeBatch> received = new ArrayList<>();
        Set<Path> union = new HashSet<>();
        while (!union.containsAll(written)) {
            ChangeBatch batch = next().batch();
            received.add(batch);
            union.addAll(batch.paths());
        }

        assertThat(union).isEqualTo(written);
        ChangeBatch last = received.get(received.size() - 1);
        assertThat(last.early()).isFalse();
        assertThat(received).hasSizeLessThanOrEqualTo(2);
        if (received.size() == 2) {
            ChangeBatch early = received.get(0);
            assertThat(early.early()).isTrue();
            assertThat(early.paths()).hasSize(1);
            assertThat(early.newerChanges().getAsBoolean()).as("the burst superseded the early batch").isTrue();
        }
        assertThat(last.newerChanges().getAsBoolean()).isFalse();
        assertThat(batches.poll(QUIET_MILLIS * 2, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void deletedFileWaitsForQuietAndIsInTheBatch() throws Exception {
        watch(QUIET_MILLIS);
        Path main = scenes.resolve("main.json");

        Files.delete(main);

        Seen seen = next();
        assertThat(seen.batch().paths()).containsExactly(main);
        assertThat(seen.batch().early()).isFalse();
        assertThat(seen.contents()).containsExactly((String) null);
    }

    @Test
    void vimStyleDeleteThenCreateIsOneBatchThatSeesTheNewFile() throws Exception {
        watch(QUIET_MILLIS);

        Files.delete(app);
        Files.writeString(app, APP);

        Seen seen = next();
        assertThat(seen.batch().paths()).containsExactly(app);
        assertThat(seen.contents()).containsExactly(APP);
        // Under load the write's own event can come after the quiet window: a second batch that sees the
        // same content, which the pipeline drops as unchanged. Never one that sees the file missing.
        Seen late = batches.poll(QUIET_MILLIS * 2, TimeUnit.MILLISECONDS);
        if (late != null) {
            assertThat(late.contents()).containsExactly(APP);
        }
    }

    @Test
    void atomicSaveReportsTheSourceOnceWithItsNewContent() throws Exception {
        watch(QUIET_MILLIS);
        Path temp = sources.resolve(".App.java.swp");

        Files.writeString(temp, APP);
        Files.move(temp, app, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        List<Seen> withApp = new ArrayList<>();
        Seen seen;
        while ((seen = batches.poll(QUIET_MILLIS * 3, TimeUnit.MILLISECONDS)) != null) {
            if (seen.batch().paths().contains(app)) {
                withApp.add(seen);
            }
        }
        assertThat(withApp).hasSize(1);
        List<Path> paths = new ArrayList<>(withApp.get(0).batch().paths());
        assertThat(withApp.get(0).contents().get(paths.indexOf(app))).isEqualTo(APP);
    }

    @Test
    void aSaveThroughATemporaryFileAndARenameGoesOutAtOnceLikeOneInPlace() throws Exception {
        watch(600_000);

        // sed -i: a temporary file in the same folder, renamed over the file
        Path temp = sources.resolve("sedX1b2c3");
        Files.writeString(temp, APP);
        Files.move(temp, app, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        Seen seen = next();
        assertThat(seen.batch().paths()).contains(app);
        assertThat(seen.batch().early()).as("no wait for the 600 s quiet window").isTrue();
        List<Path> paths = new ArrayList<>(seen.batch().paths());
        assertThat(seen.contents().get(paths.indexOf(app))).isEqualTo(APP);
    }

    @Test
    void anIntelliJSafeWriteGoesOutAtOnceLikeOneInPlace() throws Exception {
        watch(600_000);

        // IntelliJ: X___jb_tmp___ written, X renamed to X___jb_old___, the temporary renamed to X, the old one deleted
        Path temp = sources.resolve("App.java___jb_tmp___");
        Path old = sources.resolve("App.java___jb_old___");
        Files.writeString(temp, APP);
        Files.move(app, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(temp, app, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(old);

        Seen seen = next();
        assertThat(seen.batch().paths()).contains(app);
        List<Path> paths = new ArrayList<>(seen.batch().paths());
        assertThat(seen.contents().get(paths.indexOf(app))).isEqualTo(APP);
    }

    @Test
    void truncatedFileWaitsForQuietThenItsContentGoesOutAtOnce() throws Exception {
        watch(QUIET_MILLIS);

        Files.write(app, new byte[0]);
        Seen truncated = next();
        assertThat(truncated.batch().paths()).containsExactly(app);
        assertThat(truncated.batch().early()).as("an empty file may still be being written").isFalse();

        Files.writeString(app, APP);
        Seen written = next();
        assertThat(written.batch().paths()).containsExactly(app);
        assertThat(written.batch().early()).isTrue();
        assertThat(written.contents()).containsExactly(APP);
    }

    @Test
    void lostEventsBecomeAnOverflowBatch() throws Exception {
        watch(QUIET_MILLIS);

        watcher.lostEvents(new NullPointerException("inotify overflow"));

        Seen seen = next();
        assertThat(seen.batch().overflow()).isTrue();
        assertThat(seen.batch().early()).isFalse();
        assertThat(seen.batch().paths()).isEmpty();
    }

    @Test
    void thousandNewFilesInOneFolderAreAllReportedOrRescanned() throws Exception {
        watch(QUIET_MILLIS);
        Path crowded = Files.createDirectories(sources.resolve("crowded"));
        awaitBatchWith(crowded);
        Set<Path> written = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            written.add(write(crowded.resolve("F" + i + ".java"), "class F" + i + " {}"));
        }

        Set<Path> reported = new HashSet<>();
        boolean overflow = false;
        while (!overflow && !reported.containsAll(written)) {
            ChangeBatch batch = next().batch();
            reported.addAll(batch.paths());
            overflow = batch.overflow();
        }

        assertThat(overflow || reported.containsAll(written)).as("every file reported, or a rescan asked for").isTrue();
    }

    @Test
    void fileInANewFolderIsSeen() throws Exception {
        watch(QUIET_MILLIS);
        Path hud = Files.createDirectories(scenes.resolve("hud"));
        Path top = write(hud.resolve("top.json"), "{}");

        ChangeBatch batch = next().batch();
        while (!batch.paths().contains(top)) {
            // The folder may arrive in a batch of its own before the watcher sees the file inside it.
            batch = next().batch();
        }

        assertThat(batch.paths()).isSubsetOf(Set.of(hud, top));
    }

    @Test
    void settledMeansThereAndNotEmpty() throws IOException {
        Path empty = Files.writeString(sources.resolve("Empty.java"), "");

        assertThat(ProjectWatcher.settled(app)).isTrue();
        assertThat(ProjectWatcher.settled(empty)).isFalse();
        assertThat(ProjectWatcher.settled(sources.resolve("Missing.java"))).isFalse();
        assertThat(ProjectWatcher.settled(sources)).isFalse();
    }

    private void watch(long quietMillis) throws IOException {
        watcher = new ProjectWatcher(List.of(root.resolve("src/main/java"), scenes, root.resolve("assets")), quietMillis,
                batch -> batches.add(new Seen(batch, batch.paths().stream().map(ProjectWatcherTest::read).toList())));
        watcher.start();
    }

    private void awaitBatchWith(Path path) throws InterruptedException {
        while (!next().batch().paths().contains(path)) {
            // earlier batches
        }
    }

    private Seen next() throws InterruptedException {
        Seen seen = batches.poll(10, TimeUnit.SECONDS);
        assertThat(seen).as("a batch within 10 s").isNotNull();
        return seen;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }
}
