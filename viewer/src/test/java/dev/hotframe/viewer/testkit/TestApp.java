package dev.hotframe.viewer.testkit;

import dev.hotframe.wire.ClassFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The source of a test app, a {@code HotframeApp} written from the parts a test varies, compiled
 * with {@link TestCompiler}. Unset parts take the plainest choice: a {@code State} class with
 * {@link #state the given fields}, {@code initialState()} returning a new one, no {@code update},
 * an empty {@code render}. The layout is fixed, so that stack traces name stable lines: the package,
 * a blank line, the imports, a blank line, the class; then, each followed by a blank line, the
 * state class, the members, the constructor, {@code initialState}, {@code update}, {@code render}
 * and {@code get}.
 *
 * <pre>{@code
 * List<ClassFile> v2 = TestApp.named("demo.App").state("public int clicks;").update("s.clicks++;").get("\"v2\"").compile();
 * }</pre>
 */
public record TestApp(String name, List<String> imports, String members, String stateType, String types,
                      String constructor, String initialState, String update, String render, String get,
                      List<String> interfaces) {

    public TestApp {
        imports = List.copyOf(imports);
        interfaces = List.copyOf(interfaces);
    }

    /** An app class with this binary name ({@code demo.App}) and a state class {@code State} without fields. */
    public static TestApp named(String name) {
        if (name.indexOf('.') < 0) {
            throw new IllegalArgumentException("'name' must have a package, was " + name);
        }
        return new TestApp(name, List.of(), "", "State", "public static final class State {\n}", null,
                "return new State();", null, "", null, List.of());
    }

    /** Adds imports ({@code "java.util.*"}). */
    public TestApp imports(String... more) {
        List<String> all = new ArrayList<>(imports);
        all.addAll(List.of(more));
        return new TestApp(name, all, members, stateType, types, constructor, initialState, update, render, get, interfaces);
    }

    /** Adds interfaces the app class implements besides {@code HotframeApp}. */
    public TestApp implementing(String... more) {
        List<String> all = new ArrayList<>(interfaces);
        all.addAll(List.of(more));
        return new TestApp(name, imports, members, stateType, types, constructor, initialState, update, render, get, all);
    }

    /** Declarations in the app class (fields, methods, nested classes), after its state class. */
    public TestApp members(String declarations) {
        return new TestApp(name, imports, declarations, stateType, types, constructor, initialState, update, render, get,
                interfaces);
    }

    /** The fields of the state class {@code State}. */
    public TestApp state(String fields) {
        return new TestApp(name, imports, members, "State", "public static final class State {\n    " + fields.replace("\n", "\n    ") + "\n}",
                constructor, initialState, update, render, get, interfaces);
    }

    /** A state type of another name ({@code Model}, {@code Void}), with {@code declarations} written out whole (may be empty). */
    public TestApp stateType(String type, String declarations) {
        return new TestApp(name, imports, members, type, declarations, constructor, initialState, update, render, get,
                interfaces);
    }

    /** A public no-argument constructor with this body. */
    public TestApp constructor(String body) {
        return new TestApp(name, imports, members, stateType, types, body, initialState, update, render, get, interfaces);
    }

    /** The body of {@code initialState()}. */
    public TestApp initialState(String body) {
        return new TestApp(name, imports, members, stateType, types, constructor, body, update, render, get, interfaces);
    }

    /** The body of {@code update(s, dt)}. */
    public TestApp update(String body) {
        return new TestApp(name, imports, members, stateType, types, constructor, initialState, body, render, get, interfaces);
    }

    /** The body of {@code render(s, f)}. */
    public TestApp render(String body) {
        return new TestApp(name, imports, members, stateType, types, constructor, initialState, update, body, get, interfaces);
    }

    /** Makes the app a {@code Supplier<String>} whose {@code get()} returns {@code expression}. */
    public TestApp get(String expression) {
        return new TestApp(name, imports, members, stateType, types, constructor, initialState, update, render, expression,
                interfaces);
    }

    /** The app's source text. */
    public String source() {
        String pkg = name.substring(0, name.lastIndexOf('.'));
        String simple = name.substring(name.lastIndexOf('.') + 1);
        String type = stateType.equals("Void") ? "Void" : simple + "." + stateType;
        List<String> implemented = new ArrayList<>(List.of("HotframeApp<" + type + ">"));
        implemented.addAll(interfaces);
        StringBuilder out = new StringBuilder("package " + pkg + ";\n\n");
        out.append("import dev.hotframe.app.Frame;\nimport dev.hotframe.app.HotframeApp;\n");
        imports.forEach(i -> out.append("import ").append(i).append(";\n"));
        if (get != null) {
            out.append("import java.util.function.Supplier;\n");
            implemented.add("Supplier<String>");
        }
        out.append("\npublic final class ").append(simple).append(" implements ").append(String.join(", ", implemented))
                .append(" {\n");
        block(out, types);
        block(out, members);
        if (constructor != null) {
            block(out, "public " + simple + "() {\n    " + constructor + "\n}");
        }
        block(out, "public " + stateType + " initialState() {\n    " + initialState + "\n}");
        if (update != null) {
            block(out, "public void update(" + stateType + " s, double dt) {\n    " + update + "\n}");
        }
        block(out, "public void render(" + stateType + " s, Frame f) {\n    " + render + "\n}");
        if (get != null) {
            block(out, "public String get() {\n    return " + get + ";\n}");
        }
        return out.append("}\n").toString();
    }

    /** Compiles the app with {@code otherSources} (helpers it uses). */
    public List<ClassFile> compile(String... otherSources) {
        return compile(List.of(), otherSources);
    }

    /** As {@link #compile(String...)}, with {@code libraries} on the class path. */
    public List<ClassFile> compile(List<Path> libraries, String... otherSources) {
        List<String> sources = new ArrayList<>(List.of(source()));
        sources.addAll(List.of(otherSources));
        return TestCompiler.compile(libraries, sources.toArray(String[]::new));
    }

    private static void block(StringBuilder out, String text) {
        if (!text.isBlank()) {
            out.append("    ").append(text.replace("\n", "\n    ")).append("\n\n");
        }
    }
}
