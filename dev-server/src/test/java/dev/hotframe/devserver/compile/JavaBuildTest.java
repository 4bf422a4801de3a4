package dev.hotframe.devserver.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.testing.project.GeneratedProject;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.Tier;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class JavaBuildTest {

    private static final Diagnostic MISSING_SEMICOLON = new Diagnostic("src/main/java/demo/App.java", 12, 23, "error",
            "';' expected", "        s.x += dt * 10");

    @TempDir
    Path dir;

    private DemoProject demo;
    private JavaBuild build;

    @BeforeEach
    void createDemo() {
        demo = DemoProject.create(dir);
        build = new JavaBuild(demo.load());
    }

    @AfterEach
    void closeBuild() throws Exception {
        build.close();
    }

    @Test
    void fullBuildCompilesEveryClass() {
        JavaBuild.Built built = built(build.full());

        assertThat(built.classification()).isEqualTo(new Classification(Tier.RELOAD, "new class App (and 1 more)",
                List.of("demo.App", "demo.State"), List.of()));
        assertThat(built.filesCompiled()).isEqualTo(2);
        assertThat(build.classes()).containsOnlyKeys("demo.App", "demo.State");
        assertThat(build.classes().get("demo.App")).startsWith(0xCA, 0xFE, 0xBA, 0xBE);
    }

    @Test
    void compileErrorIsDataAndKeepsTheLastGoodClasses() {
        built(build.full());
        Map<String, byte[]> good = new HashMap<>(build.classes());

        Path app = demo.edit("App.java", "s.x += dt * 10;", "s.x += dt * 10");
        JavaBuild.Result result = build.changed(Set.of(app));

        assertThat(result).isInstanceOf(JavaBuild.Failed.class);
        assertThat(((JavaBuild.Failed) result).errors()).containsExactly(MISSING_SEMICOLON);
        assertThat(build.classes()).isEqualTo(good);
    }

    @Test
    void fixingTheErrorBuildsAgain() {
        built(build.full());
        Path app = demo.edit("App.java", "s.x += dt * 10;", "s.x += dt * 10");
        assertThat(build.changed(Set.of(app))).isInstanceOf(JavaBuild.Failed.class);

        demo.edit("App.java", "s.x += dt * 10", "s.x += dt * 30;");
        JavaBuild.Built built = built(build.changed(Set.of(app)));

        assertThat(built.classification()).isEqualTo(new Classification(Tier.REDEFINE, "method bodies changed in App",
                List.of("demo.App"), List.of()));
        assertThat(build.classes().get("demo.App")).isEqualTo(built.classes().get("demo.App"));
    }

    @Test
    void failedFileIsCompiledAgainWithTheNextUnrelatedChange() {
        demo.write("Other.java", "package demo;\n\nfinal class Other {\n    int n() {\n        return 1;\n    }\n}\n");
        built(build.full());
        Path app = demo.edit("App.java", "s.x += dt * 10;", "s.x += dt * 10");
        assertThat(build.changed(Set.of(app))).isInstanceOf(JavaBuild.Failed.class);

        demo.edit("App.java", "s.x += dt * 10", "s.x += dt * 30;");
        Path other = demo.edit("Other.java", "return 1;", "return 2;");
        JavaBuild.Built built = built(build.changed(Set.of(other)));

        assertThat(built.classification()).isEqualTo(new Classification(Tier.REDEFINE, "method bodies changed in App, Other",
                List.of("demo.App", "demo.Other"), List.of()));
        assertThat(built.filesCompiled()).isEqualTo(2);
    }

    @Test
    void projectThatDoesNotCompileAtStartBuildsOnceFixed() {
        Path app = demo.edit("App.java", "s.x += dt * 10;", "s.x += dt * 10");
        JavaBuild.Result first = build.full();
        assertThat(first).isInstanceOf(JavaBuild.Failed.class);
        assertThat(((JavaBuild.Failed) first).errors()).containsExactly(MISSING_SEMICOLON);
        assertThat(build.classes()).isEmpty();

        demo.edit("App.java", "s.x += dt * 10", "s.x += dt * 10;");
        JavaBuild.Built built = built(build.changed(Set.of(app)));

        assertThat(built.classification().changed()).containsExactly("demo.App", "demo.State");
        assertThat(build.classes()).containsOnlyKeys("demo.App", "demo.State");
    }

    @Test
    void nonJavaFilesAreIgnored() {
        built(build.full());

        JavaBuild.Built built = built(build.changed(Set.of(dir.resolve("scenes/main.json"))));

        assertThat(built.classification()).isEqualTo(new Classification(Tier.REDEFINE, "no class changed", List.of(), List.of()));
        assertThat(built.filesCompiled()).isZero();
    }

    @Test
    void fixingTheUsersOfARenamedMethodBuildsAgain() {
        demo.write("Tuning.java", "package demo;\n\nfinal class Tuning {\n    static int speed() {\n        return 10;\n    }\n}\n");
        demo.edit("App.java", "dt * 10", "dt * Tuning.speed()");
        built(build.full());

        Path tuning = demo.edit("Tuning.java", "speed()", "velocity()");
        JavaBuild.Result broken = build.changed(Set.of(tuning));
        assertThat(broken).isInstanceOf(JavaBuild.Failed.class);
        assertThat(((JavaBuild.Failed) broken).errors()).extracting(Diagnostic::file, Diagnostic::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("src/main/java/demo/App.java", 12L));

        Path app = demo.edit("App.java", "Tuning.speed()", "Tuning.velocity()");
        JavaBuild.Built built = built(build.changed(Set.of(app)));

        assertThat(built.classification().changed()).containsExactly("demo.App", "demo.Tuning");
    }

    @Test
    void bigBuildReportsItsProgressByTenths() throws Exception {
        Path big = dir.resolve("big");
        GeneratedProject.write(big, CompileProgress.MIN_FILES + 1);
        List<String> lines = new java.util.ArrayList<>();
        try (JavaBuild bigBuild = new JavaBuild(dev.hotframe.devserver.project.Project.load(big))) {
            bigBuild.progressTo(lines::add);
            built(bigBuild.full());
        }

        assertThat(lines.get(0)).isEqualTo("compiling 201 source files...");
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.replaceAll(", [0-9.]+ s\\)", ")")).containsExactly(
                "compiling: 10% (21/201 files)", "compiling: 20% (41/201 files)", "compiling: 30% (61/201 files)",
                "compiling: 40% (81/201 files)", "compiling: 50% (101/201 files)", "compiling: 60% (121/201 files)",
                "compiling: 70% (141/201 files)", "compiling: 80% (161/201 files)", "compiling: 90% (181/201 files)",
                "compiling: 100% (201/201 files)");
    }

    @Test
    void smallBuildSaysNothingAboutProgress() {
        List<String> lines = new java.util.ArrayList<>();
        build.progressTo(lines::add);

        built(build.full());

        assertThat(lines).isEmpty();
    }

    @Test
    void summaryNamesTierClassesAndRemovals() {
        assertThat(new Classification(Tier.REDEFINE, "x", List.of("demo.Hud"), List.of()).summary())
                .isEqualTo("redefine 1 class (Hud)");
        assertThat(new Classification(Tier.RELOAD, "x", List.of("demo.App", "demo.App$State", "demo.B", "demo.C"),
                List.of("demo.Enemy")).summary()).isEqualTo("reload 4 classes (App, App.State, B and 1 more), removed 1 (Enemy)");
        assertThat(new Classification(Tier.REDEFINE, "x", List.of(), List.of()).summary()).isEqualTo("redefine 0 classes");
    }

    private static JavaBuild.Built built(JavaBuild.Result result) {
        if (result instanceof JavaBuild.Failed failed) {
            throw new AssertionError("expected a successful build, got " + failed.errors());
        }
        return (JavaBuild.Built) result;
    }

    @Test
    void warmingCompilesAlongTheRealPathButChangesNothing() {
        built(build.full());
        Map<String, byte[]> good = new HashMap<>(build.classes());
        int compiles = build.compilations();
        JavacWarmup warmup = new JavacWarmup(build);

        assertThat(warmup.warmUntil(java.time.Duration.ofMinutes(1), 3)).isEqualTo(3);

        assertThat(warmup.compilations()).isEqualTo(3);
        assertThat(build.compilations()).as("warm-up compiles are not builds").isEqualTo(compiles);
        assertThat(build.classes()).isEqualTo(good);
        Path app = demo.edit("App.java", "s.x += dt * 10;", "s.x += dt * 30;");
        assertThat(built(build.changed(Set.of(app))).classification().tier()).isEqualTo(Tier.REDEFINE);
    }

    @Test
    void warmingGivesWayToARealBuildAndStops() throws Exception {
        built(build.full());
        int[] warmed = new int[1];
        JavacWarmup warmup = new JavacWarmup(build);
        Thread warmer = new Thread(() -> warmed[0] = warmup.warmUntil(java.time.Duration.ofMinutes(1), 100_000));
        warmer.start();
        while (warmup.compilations() < 3) {
            Thread.sleep(5);
        }

        Path app = demo.edit("App.java", "s.x += dt * 10;", "s.x += dt * 30;");
        JavaBuild.Built built = built(build.changed(Set.of(app)));
        warmer.join();

        assertThat(built.classification().tier()).isEqualTo(Tier.REDEFINE);
        assertThat(warmed[0]).as("warm-up compiles before the real build stopped it").isBetween(3, 99_999);
        assertThat(build.cancelledCompilations()).as("a cancelled warm-up is not a cancelled build").isZero();
        assertThat(warmup.warmUntil(java.time.Duration.ofMinutes(1), 5)).as("a later call warms again").isEqualTo(5);
    }
}
