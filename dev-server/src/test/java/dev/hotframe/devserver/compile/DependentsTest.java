package dev.hotframe.devserver.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.Tier;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which files a change compiles: only the changed ones for a body change, plus their users when
 * an API or a constant changed. Results are checked by loading and running the new classes.
 */
@Timeout(60)
class DependentsTest {

    @TempDir
    Path dir;

    private DemoProject demo;
    private JavaBuild build;

    @BeforeEach
    void createDemo() {
        demo = DemoProject.create(dir);
        demo.write("Tuning.java", "package demo;\n\npublic final class Tuning {\n    public static final int SPEED = 10;\n\n"
                + "    static int boost() {\n        return 2;\n    }\n}\n");
        demo.write("Hud.java", "package demo;\n\npublic final class Hud {\n    public static int speed() {\n"
                + "        return Tuning.SPEED;\n    }\n}\n");
        demo.write("Unrelated.java", "package demo;\n\nfinal class Unrelated {\n    int n() {\n        return 1;\n    }\n}\n");
        build = new JavaBuild(demo.load());
        built(build.full());
    }

    @AfterEach
    void closeBuild() throws Exception {
        build.close();
    }

    @Test
    void bodyChangeCompilesOnlyItsFile() {
        Path tuning = demo.edit("Tuning.java", "return 2;", "return 3;");

        JavaBuild.Built built = built(build.changed(Set.of(tuning)));

        assertThat(built.filesCompiled()).isEqualTo(1);
        assertThat(built.classification().changed()).containsExactly("demo.Tuning");
    }

    @Test
    void changedConstantRecompilesItsUsersAndOnlyThem() throws Exception {
        Path tuning = demo.edit("Tuning.java", "SPEED = 10", "SPEED = 20");

        JavaBuild.Built built = built(build.changed(Set.of(tuning)));

        assertThat(built.filesCompiled()).as("Tuning and Hud, not App, State or Unrelated").isEqualTo(2);
        assertThat(built.classification().changed()).containsExactly("demo.Hud", "demo.Tuning");
        assertThat(call("demo.Hud", "speed")).isEqualTo(20);
    }

    @Test
    void constantsUsedOnlyInCaseLabelsAndAnnotationsAreTracked() throws Exception {
        // javac leaves no trace of Tuning in the class files of these users: only their sources name it.
        demo.write("Label.java", """
                package demo;

                @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                public @interface Label {
                    int value();
                }
                """);
        demo.write("Modes.java", """
                package demo;

                public final class Modes {
                    public static int mode() {
                        switch (10) {
                            case Tuning.SPEED:
                                return 1;
                            default:
                                return 2;
                        }
                    }
                }
                """);
        demo.write("Labelled.java", """
                package demo;

                public final class Labelled {
                    @Label(Tuning.SPEED)
                    public static int label() throws NoSuchMethodException {
                        return Labelled.class.getMethod("label").getAnnotation(Label.class).value();
                    }
                }
                """);
        built(build.full());
        assertThat(call("demo.Modes", "mode")).isEqualTo(1);
        assertThat(call("demo.Labelled", "label")).isEqualTo(10);

        Path tuning = demo.edit("Tuning.java", "SPEED = 10", "SPEED = 20");
        JavaBuild.Built built = built(build.changed(Set.of(tuning)));

        assertThat(built.classification().changed()).contains("demo.Modes", "demo.Labelled");
        assertThat(call("demo.Modes", "mode")).isEqualTo(2);
        assertThat(call("demo.Labelled", "label")).isEqualTo(20);
    }

    @Test
    void constantDerivedFromAChangedConstantRefreshesItsOwnUsers() throws Exception {
        demo.write("Derived.java", "package demo;\n\npublic final class Derived {\n"
                + "    public static final int FAST = Tuning.SPEED * 2;\n}\n");
        demo.write("Meter.java", "package demo;\n\npublic final class Meter {\n    public static int fast() {\n"
                + "        return Derived.FAST;\n    }\n}\n");
        built(build.full());

        Path tuning = demo.edit("Tuning.java", "SPEED = 10", "SPEED = 20");
        JavaBuild.Built built = built(build.changed(Set.of(tuning)));

        assertThat(built.filesCompiled()).as("Tuning; then Hud and Derived; then Meter").isEqualTo(4);
        assertThat(call("demo.Meter", "fast")).isEqualTo(40);
    }

    @Test
    void inheritedConstantIsTrackedToItsDeclaringClass() throws Exception {
        demo.write("Base.java", "package demo;\n\npublic class Base {\n    public static final int LIMIT = 5;\n}\n");
        demo.write("Sub.java", "package demo;\n\npublic class Sub extends Base {\n}\n");
        demo.write("Gauge.java", "package demo;\n\npublic final class Gauge {\n    public static int limit() {\n"
                + "        return Sub.LIMIT;\n    }\n}\n");
        built(build.full());

        Path base = demo.edit("Base.java", "LIMIT = 5", "LIMIT = 7");
        built(build.changed(Set.of(base)));

        assertThat(call("demo.Gauge", "limit")).isEqualTo(7);
    }

    @Test
    void privateChangeDoesNotRecompileUsers() {
        Path tuning = demo.edit("Tuning.java", "    static int boost()", "    private static int unused() {\n        return 0;\n"
                + "    }\n\n    static int boost()");

        JavaBuild.Built built = built(build.changed(Set.of(tuning)));

        assertThat(built.classification().tier()).isEqualTo(Tier.RELOAD);
        assertThat(built.filesCompiled()).isEqualTo(1);
    }

    @Test
    void methodRemovedFromASuperclassSurfacesErrorsInUsersOfItsSubclass() {
        demo.write("Base.java", "package demo;\n\npublic class Base {\n    public int lives() {\n        return 3;\n    }\n}\n");
        demo.write("Sub.java", "package demo;\n\npublic class Sub extends Base {\n}\n");
        demo.write("Lives.java", "package demo;\n\nfinal class Lives {\n    int lives() {\n        return new Sub().lives();\n"
                + "    }\n}\n");
        built(build.full());
        Map<String, byte[]> before = build.classes();

        Path base = demo.edit("Base.java", "public int lives()", "public int hearts()");
        JavaBuild.Result result = build.changed(Set.of(base));

        assertThat(result).isInstanceOf(JavaBuild.Failed.class);
        assertThat(((JavaBuild.Failed) result).errors()).extracting(Diagnostic::file, Diagnostic::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("src/main/java/demo/Lives.java", 5L));
        assertThat(build.classes()).isEqualTo(before);
    }

    @Test
    void deletedClassSurfacesErrorsInItsUsersAndKeepsItsClassesUntilFixed() {
        Map<String, byte[]> before = build.classes();

        Path tuning = demo.delete("Tuning.java");
        JavaBuild.Result result = build.changed(Set.of(tuning));

        assertThat(result).isInstanceOf(JavaBuild.Failed.class);
        assertThat(((JavaBuild.Failed) result).errors()).extracting(Diagnostic::file).containsOnly("src/main/java/demo/Hud.java");
        assertThat(build.classes()).isEqualTo(before);

        Path hud = demo.edit("Hud.java", "return Tuning.SPEED;", "return 5;");
        JavaBuild.Built built = built(build.changed(Set.of(hud)));
        assertThat(built.classification().removed()).containsExactly("demo.Tuning");
        assertThat(build.classes()).doesNotContainKey("demo.Tuning");
    }

    @Test
    void brokenFileDoesNotHoldBackTheOtherFilesOfTheChange() throws Exception {
        Path app = demo.edit("App.java", "s.x += dt * 10;", "s.x += dt * 10");
        Path unrelated = demo.edit("Unrelated.java", "return 1;", "return 2;");
        byte[] goodApp = build.classes().get("demo.App");

        JavaBuild.Built built = built(build.changed(Set.of(app, unrelated)));

        assertThat(built.classification().changed()).containsExactly("demo.Unrelated");
        assertThat(built.errors()).containsExactly(new Diagnostic("src/main/java/demo/App.java", 12, 23, "error", "';' expected",
                "        s.x += dt * 10"));
        assertThat(build.classes().get("demo.App")).isEqualTo(goodApp);

        demo.edit("App.java", "s.x += dt * 10", "s.x += dt * 30;");
        JavaBuild.Built fixed = built(build.changed(Set.of()));
        assertThat(fixed.classification().changed()).containsExactly("demo.App");
        assertThat(fixed.errors()).isEmpty();
    }

    @Test
    void allErrorsOfOneCompileAreReportedTogether() {
        Path app = demo.edit("App.java", "s.x += dt * 10;", "s.x += dt * 10");
        Path unrelated = demo.edit("Unrelated.java", "return 1;", "return \"one\";");

        JavaBuild.Result result = build.changed(Set.of(app, unrelated));

        assertThat(result).isInstanceOf(JavaBuild.Failed.class);
        assertThat(((JavaBuild.Failed) result).errors()).containsExactlyInAnyOrder(
                new Diagnostic("src/main/java/demo/App.java", 12, 23, "error", "';' expected",
                "        s.x += dt * 10"),
                new Diagnostic("src/main/java/demo/Unrelated.java", 5, 16, "error",
                        "incompatible types: java.lang.String cannot be converted to int", "        return \"one\";"));
    }

    @Test
    void brokenFileThatUsesAChangedApiHoldsBackTheChange() {
        Map<String, byte[]> before = build.classes();
        Path tuning = demo.edit("Tuning.java", "static int boost()", "static int power()");
        Path hud = demo.edit("Hud.java", "return Tuning.SPEED;", "return Tuning.SPEED + Tuning.boost()");

        JavaBuild.Result result = build.changed(Set.of(tuning, hud));

        assertThat(result).isInstanceOf(JavaBuild.Failed.class);
        assertThat(((JavaBuild.Failed) result).errors()).extracting(Diagnostic::file).containsOnly("src/main/java/demo/Hud.java");
        assertThat(build.classes()).isEqualTo(before);
    }

    @Test
    void supersededBuildChangesNothingAndItsFilesGoWithTheNextBuild() {
        Map<String, byte[]> before = build.classes();
        int compiles = build.compilations();
        Path tuning = demo.edit("Tuning.java", "return 2;", "return 3;");

        JavaBuild.Result result = build.changed(Set.of(tuning), () -> true);

        assertThat(result).isInstanceOf(JavaBuild.Superseded.class);
        assertThat(build.classes()).isEqualTo(before);
        assertThat(build.owesBuild()).isTrue();
        assertThat(build.cancelledCompilations()).isEqualTo(1);

        JavaBuild.Built built = built(build.changed(Set.of()));
        assertThat(built.classification().changed()).containsExactly("demo.Tuning");
        assertThat(build.owesBuild()).isFalse();
        assertThat(build.compilations()).isEqualTo(compiles + 1);
    }

    private Object call(String className, String method) throws Exception {
        Map<String, byte[]> classes = build.classes();
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        Method m = loader.loadClass(className).getMethod(method);
        return m.invoke(null);
    }

    static JavaBuild.Built built(JavaBuild.Result result) {
        if (result instanceof JavaBuild.Failed failed) {
            throw new AssertionError("expected a successful build, got " + failed.errors());
        }
        assertThat(result).isInstanceOf(JavaBuild.Built.class);
        return (JavaBuild.Built) result;
    }
}
