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

/**
 * Generic type changes keep the erased descriptor, so redefinition would accept them; but the
 * value the field holds (and its JSON) no longer means what the new code reads, so each one is a
 * reload (issue 17 item 2). Every edit goes through the real javac.
 */
@Timeout(60)
class GenericChangeTest {

    @TempDir
    Path dir;

    private DemoProject demo;
    private JavaBuild build;

    @BeforeEach
    void buildDemo() {
        demo = DemoProject.create(dir);
        build = new JavaBuild(demo.load());
    }

    @AfterEach
    void closeBuild() throws Exception {
        build.close();
    }

    /** Replaces State.java with a class holding {@code body}, and builds everything. */
    private void state(String body) {
        demo.write("State.java", "package demo;\n\nimport java.util.*;\n\npublic final class State {\n    public double x;\n" + body + "\n}\n");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);
    }

    @Test
    void fieldTypeArgumentChangeIsAReload() {
        state("    public Map<String, List<Integer>> counts = new HashMap<>();");
        demo.edit("App.java", "s.x += dt * 10;", "s.x += dt * 10;\n        s.counts.size();");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path state = demo.edit("State.java", "Map<String, List<Integer>>", "Map<String, Integer>");
        Path app = demo.edit("App.java", "s.counts.size();", "s.counts.merge(\"a\", 1, Integer::sum);");

        assertClassified(build.changed(Set.of(state, app)), Tier.RELOAD,
                "State changed the type of field 'counts' from Map<String, List<Integer>> to Map<String, Integer>",
                List.of("demo.App", "demo.State"));
    }

    @Test
    void privateFieldTypeArgumentChangeIsAReload() {
        state("    private List<String> names = new ArrayList<>();");

        Path state = demo.edit("State.java", "List<String> names", "List<Integer> names");

        assertClassified(build.changed(Set.of(state)), Tier.RELOAD,
                "State changed the type of field 'names' from List<String> to List<Integer>", List.of("demo.State"));
    }

    @Test
    void staticFieldTypeArgumentChangeIsAReload() {
        state("    static Map<String, List<Integer>> CACHE = new HashMap<>();");

        Path state = demo.edit("State.java", "Map<String, List<Integer>> CACHE", "Map<String, Integer> CACHE");

        assertClassified(build.changed(Set.of(state)), Tier.RELOAD,
                "State changed the type of static field 'CACHE' from Map<String, List<Integer>> to Map<String, Integer>", List.of("demo.State"));
    }

    @Test
    void fieldOfANestedStateClassIsAReload() {
        state("    public List<Item> items = new ArrayList<>();\n\n"
                + "    public static final class Item {\n        public Set<String> tags = new HashSet<>();\n    }");

        Path state = demo.edit("State.java", "Set<String> tags", "Set<Long> tags");

        assertClassified(build.changed(Set.of(state)), Tier.RELOAD,
                "State.Item changed the type of field 'tags' from Set<String> to Set<Long>", List.of("demo.State$Item"));
    }

    @Test
    void recordComponentTypeArgumentChangeIsAReload() {
        demo.write("Score.java", "package demo;\n\nimport java.util.List;\n\nrecord Score(List<String> names) {\n}\n");
        state("    public Score best = new Score(List.of());");

        Path score = demo.edit("Score.java", "List<String> names", "List<Integer> names");

        assertClassified(build.changed(Set.of(score)), Tier.RELOAD,
                "record Score changed the type of component 'names' from List<String> to List<Integer>", List.of("demo.Score"));
    }

    @Test
    void superclassTypeArgumentChangeIsAReload() {
        demo.write("Base.java", "package demo;\n\nclass Base<T> {\n    public T value;\n}\n");
        demo.write("State.java", "package demo;\n\nimport java.util.*;\n\npublic final class State extends Base<List<Integer>> {\n"
                + "    public double x;\n}\n");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path state = demo.edit("State.java", "extends Base<List<Integer>>", "extends Base<Integer>");

        assertClassified(build.changed(Set.of(state)), Tier.RELOAD,
                "State changed its superclass from Base<List<Integer>> to Base<Integer>", List.of("demo.State"));
    }

    @Test
    void interfaceTypeArgumentChangeIsAReload() {
        demo.write("Tagged.java", "package demo;\n\ninterface Tagged<T> {\n}\n");
        demo.write("State.java", "package demo;\n\npublic final class State implements Tagged<String> {\n    public double x;\n}\n");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path state = demo.edit("State.java", "Tagged<String>", "Tagged<Integer>");

        assertClassified(build.changed(Set.of(state)), Tier.RELOAD,
                "State changed the interfaces it implements from Tagged<String> to Tagged<Integer>", List.of("demo.State"));
    }

    @Test
    void typeParameterBoundChangeIsAReload() {
        demo.write("Box.java", "package demo;\n\nimport java.util.*;\n\nfinal class Box<T> {\n    List<T> items = new ArrayList<>();\n}\n");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        Path box = demo.edit("Box.java", "Box<T>", "Box<T extends Number>");

        assertClassified(build.changed(Set.of(box)), Tier.RELOAD, "Box changed its type parameters from <T> to <T extends Number>",
                List.of("demo.Box"));
    }

    @Test
    void wildcardChangeIsAReload() {
        state("    public List<? extends Number> values = new ArrayList<>();");

        Path state = demo.edit("State.java", "List<? extends Number>", "List<? super Integer>");

        assertClassified(build.changed(Set.of(state)), Tier.RELOAD,
                "State changed the type of field 'values' from List<? extends Number> to List<? super Integer>", List.of("demo.State"));
    }

    @Test
    void arrayOfGenericTypeChangeIsAReload() {
        state("    @SuppressWarnings(\"unchecked\")\n    public List<String>[] rows = new List[0];");

        Path state = demo.edit("State.java", "List<String>[] rows", "List<Integer>[] rows");

        assertClassified(build.changed(Set.of(state)), Tier.RELOAD,
                "State changed the type of field 'rows' from List<String>[] to List<Integer>[]", List.of("demo.State"));
    }

    @Test
    void rawTypeGainingTypeArgumentsIsAReload() {
        state("    @SuppressWarnings(\"rawtypes\")\n    public List names = new ArrayList();");

        Path state = demo.edit("State.java", "@SuppressWarnings(\"rawtypes\")\n    public List names = new ArrayList();",
                "public List<String> names = new ArrayList<>();");

        assertClassified(build.changed(Set.of(state)), Tier.RELOAD,
                "State changed the type of field 'names' from List to List<String>", List.of("demo.State"));
    }

    @Test
    void bodyEditNextToUnchangedGenericsIsARedefine() {
        state("    public Map<String, List<Integer>> counts = new HashMap<>();\n\n"
                + "    int total() {\n        return counts.size();\n    }");

        Path state = demo.edit("State.java", "return counts.size();", "return counts.size() + 1;");

        assertClassified(build.changed(Set.of(state)), Tier.REDEFINE, "method bodies changed in State", List.of("demo.State"));
    }

    @Test
    void localVariableTypeArgumentChangeIsARedefine() {
        Path app = demo.edit("App.java", "s.x += dt * 10;", "List<Integer> steps = List.of(10);\n        s.x += dt * steps.get(0);");
        demo.edit("App.java", "import dev.hotframe.app.HotframeApp;", "import dev.hotframe.app.HotframeApp;\nimport java.util.List;");
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);

        demo.edit("App.java", "List<Integer> steps = List.of(10);\n        s.x += dt * steps.get(0);",
                "List<Double> steps = List.of(10.0);\n        s.x += dt * steps.get(0);");

        assertClassified(build.changed(Set.of(app)), Tier.REDEFINE, "method bodies changed in App", List.of("demo.App"));
    }

    private static void assertClassified(JavaBuild.Result result, Tier tier, String reason, List<String> changed) {
        assertThat(result).isInstanceOf(JavaBuild.Built.class);
        assertThat(((JavaBuild.Built) result).classification()).isEqualTo(new Classification(tier, reason, changed, List.of()));
    }
}
