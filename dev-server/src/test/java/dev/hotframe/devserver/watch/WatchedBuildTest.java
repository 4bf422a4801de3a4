package dev.hotframe.devserver.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotframe.devserver.compile.JavaBuild;
import dev.hotframe.devserver.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real watcher feeding the real build, the way the dev server wires them: storms of file
 * events must turn into few compiles, and deleted or renamed sources must take their classes along.
 */
@Timeout(120)
class WatchedBuildTest {

    private static final int CHECKOUT_FILES = 1000;

    @TempDir
    Path dir;

    private Path root;
    private Path sources;
    private JavaBuild build;
    private ProjectWatcher watcher;
    private final List<JavaBuild.Result> results = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createProject() throws IOException {
        root = dir.toRealPath();
        sources = Files.createDirectories(root.resolve("src/main/java"));
        Files.writeString(root.resolve("hotframe.json"), "{\"app\": \"demo.App\"}");
        write("demo/App.java", "package demo;\n\npublic final class App {\n    int speed() {\n        return 1;\n    }\n}\n");
        write("demo/Enemy.java", "package demo;\n\nfinal class Enemy {\n}\n");
        build = new JavaBuild(Project.load(root));
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);
    }

    @AfterEach
    void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        build.close();
    }

    @Test
    void checkoutOfAThousandFilesIsOneCompile() throws Exception {
        watch(8, 1_000);
        int compilesBefore = build.compilations();

        List<Path> checkedOut = new ArrayList<>();
        for (int i = 0; i < CHECKOUT_FILES; i++) {
            String pkg = "checkout/p" + (i % 20);
            checkedOut.add(write(pkg + "/C" + i + ".java", "package " + pkg.replace('/', '.') + ";\n\npublic final class C" + i
                    + " {\n    public int value() {\n        return " + i + ";\n    }\n}\n"));
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> results.stream().anyMatch(r -> r instanceof JavaBuild.Built b
                && b.classes().containsKey("checkout.p19.C999")));
        List<JavaBuild.Built> built = results.stream().filter(JavaBuild.Built.class::isInstance)
                .map(JavaBuild.Built.class::cast).toList();
        assertThat(built).as("builds that went to the end").extracting(JavaBuild.Built::filesCompiled)
                .containsExactly(CHECKOUT_FILES);
        assertThat(build.compilations() - compilesBefore).as("javac runs that went to the end").isEqualTo(1);
        assertThat(build.classes()).hasSize(CHECKOUT_FILES + 2);
    }

    @Test
    void deletedSourceTakesItsClassesAlong() throws Exception {
        watch(8, 100);

        Files.delete(sources.resolve("demo/Enemy.java"));

        await().atMost(Duration.ofSeconds(20)).until(() -> results.stream().anyMatch(r -> r instanceof JavaBuild.Built b
                && b.classification().removed().contains("demo.Enemy")));
        assertThat(build.classes()).containsOnlyKeys("demo.App");
    }

    @Test
    void renamedSourceReplacesItsClasses() throws Exception {
        watch(8, 100);

        Path enemy = sources.resolve("demo/Enemy.java");
        Files.writeString(enemy, "package demo;\n\nfinal class Boss {\n}\n");
        Files.move(enemy, sources.resolve("demo/Boss.java"));

        await().atMost(Duration.ofSeconds(20)).until(() -> results.stream().anyMatch(r -> r instanceof JavaBuild.Built b
                && b.classes().containsKey("demo.Boss")) && results.stream().anyMatch(r -> r instanceof JavaBuild.Built b
                && b.classification().removed().contains("demo.Enemy")));
        assertThat(build.classes()).containsOnlyKeys("demo.App", "demo.Boss");
    }

    /** Wires the watcher to the build the way the dev server's change pipeline does. */
    private void watch(long quietMillis, long burstQuietMillis) throws IOException {
        watcher = new ProjectWatcher(List.of(sources), quietMillis, burstQuietMillis, batch -> {
            Set<Path> java = Set.copyOf(batch.paths().stream().filter(p -> p.toString().endsWith(".java")).toList());
            if (!java.isEmpty() || build.owesBuild()) {
                results.add(build.changed(java, batch.newerChanges()));
            }
        });
        watcher.start();
    }

    private Path write(String relative, String content) throws IOException {
        Path file = sources.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
