package dev.hotframe.devserver.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.wire.Tier;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each edit goes through the real javac; the classifier sees the bytes it produced. */
@Timeout(60)
class ShapeClassifierTest {

    @TempDir
    Path dir;

    private DemoProject demo;
    private JavaBuild build;

    @BeforeEach
    void buildDemo() {
        demo = DemoProject.create(dir);
        build = new JavaBuild(demo.load());
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);
    }

    @AfterEach
    void closeBuild() throws Exception {
        build.close();
    }

    @Test
    void methodBodyChangeIsARedefine() {
        Path app = demo.edit("App.java", "dt * 10", "dt * 20");

        assertClassified(build.changed(Set.of(app)), Tier.REDEFINE, "method bodies changed in App", List.of("demo.App"), List.of());
    }

    @Test
    void unchangedBytesAreNoChange() {
        Path app = demo.edit("App.java", "dt * 10;", "dt * 10;   ");

        assertClassified(build.changed(Set.of(app)), Tier.REDEFINE, "no class changed", List.of(), List.of());
    }

    @Test
    void addedFieldIsAReload() {
        Path state = demo.edit("State.java", "public double x;", "public double x;\n    public double speed;");

        assertClassified(build.changed(Set.of(state)), Tier.RELOAD, "State gained field 'speed'", List.of("demo.State"), List.of());
    }

    @Test
    void removedFieldIsAReload() {
        demo.edit("App.java", "s.x += dt * 10;", "");
        Path state = demo.edit("State.java", "public double x;", "");

        assertClassified(build.changed(Set.of(state, demo.source("App.java"))), Tier.RELOAD, "State lost field 'x'",
                List.of("demo.App", "demo.State"), List.of());
    }

    @Test
    void newLambdaIsAReload() {
        Path app = demo.edit("App.java", "s.x += dt * 10;", "Runnable step = () -> s.x += dt * 10;\n        step.run();");

        assertClassified(build.changed(Set.of(app)), Tier.RELOAD, "new lambda in App.update", List.of("demo.App"), List.of());
    }

    @Test
    void lambdaBodyChangeIsARedefine() {
        demo.edit("App.java", "s.x += dt * 10;", "Runnable step = () -> s.x += dt * 10;\n        step.run();");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path app = demo.edit("App.java", "() -> s.x += dt * 10", "() -> s.x += dt * 40");

        assertClassified(build.changed(Set.of(app)), Tier.REDEFINE, "method bodies changed in App", List.of("demo.App"), List.of());
    }

    @Test
    void newMethodIsAReload() {
        Path app = demo.edit("App.java", "public void render", "public int lives() {\n        return 3;\n    }\n\n    public void render");

        assertClassified(build.changed(Set.of(app)), Tier.RELOAD, "App gained method 'lives'", List.of("demo.App"), List.of());
    }

    @Test
    void newClassIsAReload() {
        Path enemy = demo.write("Enemy.java", "package demo;\n\npublic final class Enemy {\n}\n");

        assertClassified(build.changed(Set.of(enemy)), Tier.RELOAD, "new class Enemy", List.of("demo.Enemy"), List.of());
    }

    @Test
    void deletedClassFileIsAReload() {
        demo.write("Enemy.java", "package demo;\n\npublic final class Enemy {\n}\n");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path enemy = demo.delete("Enemy.java");

        assertClassified(build.changed(Set.of(enemy)), Tier.RELOAD, "class Enemy removed", List.of(), List.of("demo.Enemy"));
        assertThat(build.classes()).containsOnlyKeys("demo.App", "demo.State");
    }

    @Test
    void staticInitializerChangeIsAReload() {
        demo.write("Palette.java", "package demo;\n\nfinal class Palette {\n    static final int[] COLORS = {1, 2};\n}\n");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path palette = demo.edit("Palette.java", "{1, 2}", "{1, 2, 3}");

        assertClassified(build.changed(Set.of(palette)), Tier.RELOAD, "the static initializer of Palette changed; it runs again in a new generation",
                List.of("demo.Palette"), List.of());
    }

    @Test
    void constructorBodyChangeIsAReloadBecauseARedefineWouldNotRunItAgain() {
        demo.edit("App.java", "public State initialState() {", "private final String shader;\n\n    public App() {\n        shader = \"red\";\n    }\n\n    public State initialState() {");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path app = demo.edit("App.java", "\"red\"", "\"blue\"");

        assertClassified(build.changed(Set.of(app)), Tier.RELOAD,
                "the constructor or a field initializer of App changed; it runs again in a new generation", List.of("demo.App"), List.of());
    }

    @Test
    void fieldInitializerChangeIsAReload() {
        demo.write("Ball.java", "package demo;\n\nfinal class Ball {\n    double radius = 4;\n}\n");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path ball = demo.edit("Ball.java", "radius = 4;", "radius = 12.5;");

        assertClassified(build.changed(Set.of(ball)), Tier.RELOAD,
                "the constructor or a field initializer of Ball changed; it runs again in a new generation", List.of("demo.Ball"), List.of());
    }

    @Test
    void constructorThatOnlyMovedDownALineStaysNoShapeChange() {
        demo.write("Ball.java", "package demo;\n\nfinal class Ball {\n    double radius = 4;\n\n    double area() {\n        return radius * radius;\n    }\n}\n");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path ball = demo.edit("Ball.java", "final class Ball {\n", "final class Ball {\n\n");

        assertClassified(build.changed(Set.of(ball)), Tier.REDEFINE, "method bodies changed in Ball", List.of("demo.Ball"), List.of());
    }

    @Test
    void methodThatOnlyTheConstructorCallsIsAReload() {
        demo.edit("App.java", "public State initialState() {", "private final String shader;\n\n    public App() {\n        shader = build();\n    }\n\n"
                + "    private String build() {\n        return \"red\";\n    }\n\n    public State initialState() {");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path app = demo.edit("App.java", "\"red\"", "\"blue\"");

        assertClassified(build.changed(Set.of(app)), Tier.RELOAD,
                "App.build() changed, and only constructors or initializers call it; it runs again in a new generation", List.of("demo.App"),
                List.of());
    }

    @Test
    void methodThatAFrameAlsoCallsOrALambdaFromTheConstructorStaysARedefine() {
        demo.edit("App.java", "public State initialState() {", "private final Runnable step;\n\n    public App() {\n        step = () -> tick();\n"
                + "        build();\n    }\n\n    private String build() {\n        return \"red\";\n    }\n\n    private void tick() {\n"
                + "        System.out.println(1);\n    }\n\n    public State initialState() {");
        demo.edit("App.java", "s.x += dt * 10;", "s.x += dt * 10 + build().length();");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path app = demo.edit("App.java", "\"red\"", "\"blue\"");
        assertClassified(build.changed(Set.of(app)), Tier.REDEFINE, "method bodies changed in App", List.of("demo.App"), List.of());
        app = demo.edit("App.java", "println(1)", "println(22)");
        assertClassified(build.changed(Set.of(app)), Tier.REDEFINE, "method bodies changed in App", List.of("demo.App"), List.of());
    }

    @Test
    void changedConstantReloadsItsInliningUsersToo() {
        demo.write("Tuning.java", "package demo;\n\nfinal class Tuning {\n    static final int SPEED = 10;\n}\n");
        demo.edit("App.java", "dt * 10", "dt * Tuning.SPEED");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path tuning = demo.edit("Tuning.java", "SPEED = 10", "SPEED = 20");

        assertClassified(build.changed(Set.of(tuning)), Tier.RELOAD,
                "Tuning changed field 'SPEED' (a constant; its users are recompiled)", List.of("demo.App", "demo.Tuning"), List.of());
    }

    @Test
    void newAnonymousClassIsAReload() {
        Path app = demo.edit("App.java", "s.x += dt * 10;",
                "Runnable step = new Runnable() {\n            public void run() {\n                s.x += dt * 10;\n            }\n        };\n        step.run();");

        assertClassified(build.changed(Set.of(app)), Tier.RELOAD, "new anonymous class in App.update", List.of("demo.App", "demo.App$1"),
                List.of());
    }

    @Test
    void changedSuperclassIsAReload() {
        demo.write("Base.java", "package demo;\n\nclass Base {\n}\n");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path state = demo.edit("State.java", "public final class State {", "public final class State extends Base {");

        assertClassified(build.changed(Set.of(state)), Tier.RELOAD, "State changed its superclass to Base", List.of("demo.State"),
                List.of());
    }

    @Test
    void addedRecordComponentIsAReload() {
        demo.write("Score.java", "package demo;\n\nrecord Score(int points) {\n}\n");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path score = demo.edit("Score.java", "int points", "int points, int combo");

        JavaBuild.Built built = (JavaBuild.Built) build.changed(Set.of(score));
        assertThat(built.classification()).isEqualTo(new Classification(Tier.RELOAD, "Score gained field 'combo'",
                List.of("demo.Score"), List.of()));
        assertThat(ClassShape.of(built.classes().get("demo.Score")).recordComponents()).containsExactly("combo I", "points I");
    }

    @Test
    void renamedFileReplacesItsClass() {
        demo.write("Enemy.java", "package demo;\n\nfinal class Enemy {\n}\n");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path enemy = demo.delete("Enemy.java");
        Path boss = demo.write("Boss.java", "package demo;\n\nfinal class Boss {\n}\n");

        assertClassified(build.changed(Set.of(enemy, boss)), Tier.RELOAD, "new class Boss (and 1 more)", List.of("demo.Boss"),
                List.of("demo.Enemy"));
        assertThat(build.classes()).containsOnlyKeys("demo.App", "demo.State", "demo.Boss");
    }

    private static void assertClassified(JavaBuild.Result result, Tier tier, String reason, List<String> changed,
                                         List<String> removed) {
        assertThat(result).isInstanceOf(JavaBuild.Built.class);
        JavaBuild.Built built = (JavaBuild.Built) result;
        assertThat(built.classification()).isEqualTo(new Classification(tier, reason, changed, removed));
        assertThat(built.classes()).containsOnlyKeys(changed);
    }
}
