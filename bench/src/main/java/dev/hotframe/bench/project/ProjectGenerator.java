package dev.hotframe.bench.project;

import dev.hotframe.wire.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a valid Hotframe app of N Java files: the app class, its state class, and N - 2 parts
 * in packages of 50. Each part uses a constant of one other part and calls two more, so the
 * dependency graph looks like real code; the app draws circles whose sizes come from a part.
 */
public final class ProjectGenerator {

    static final int PACKAGE_SIZE = 50;

    private ProjectGenerator() {
    }

    public static BenchProject generate(Path dir, int files, Path viewerJar) throws IOException {
        if (files < 3) {
            throw new IllegalArgumentException("a generated project needs at least 3 files (app, state, one part), was " + files);
        }
        int parts = files - 2;
        Path src = dir.resolve("src/main/java");
        for (int k = 0; k < parts; k++) {
            Path pkg = src.resolve("gen").resolve(packageOf(k));
            Files.createDirectories(pkg);
            Files.writeString(pkg.resolve(className(k) + ".java"), part(k, parts));
        }
        Path app = src.resolve("gen/app/GenApp.java");
        Path state = src.resolve("gen/app/GenState.java");
        Files.createDirectories(app.getParent());
        Files.writeString(app, GeneratedApp.app(qualified(parts - 1)));
        Files.writeString(state, GeneratedApp.state());
        Path scene = dir.resolve("scenes/main.json");
        Files.createDirectories(scene.getParent());
        Files.writeString(scene, GeneratedApp.scene(files));
        Files.writeString(dir.resolve("hotframe.json"), "{ \"app\": \"gen.app.GenApp\" }\n");
        StandalonePom.write(dir, "generated-" + files, viewerJar);
        List<Edit> edits = List.of(
                Edit.toggle("scene property", Tier.SCENE, scene, "\"fill\": \"#3366FF\"", "\"fill\": \"#3366FE\""),
                Edit.toggle("method body", Tier.REDEFINE, app, "return 0xFF2A4D69;", "return 0xFF2A4D6A;"),
                Edit.insertAfter("added field", Tier.RELOAD, state, "    public long frames;\n",
                        "    public int added%d = %d;\n"),
                Edit.insertAfter("added lambda", Tier.RELOAD, app, "        drawShapes(canvas, s);\n",
                        "        java.util.function.IntUnaryOperator lambda%d = v -> v + %d;\n"));
        Edit toggle = Edit.toggle("structural toggle", Tier.RELOAD, state, "    public long frames;\n",
                "    public long frames;\n    public int leakProbe = 1;\n");
        return new BenchProject(String.format("generated %,d files", files), dir, files, "gen.app.GenApp", edits, toggle);
    }

    static String packageOf(int k) {
        return String.format("p%03d", k / PACKAGE_SIZE);
    }

    static String className(int k) {
        return String.format("C%04d", k);
    }

    static String qualified(int k) {
        return "gen." + packageOf(k) + "." + className(k);
    }

    /** Part k: its own constant, a constant of one other part, calls into two more. */
    static String part(int k, int parts) {
        String constantOf = qualified((k * 7 + 1) % parts);
        String idOf = qualified((k * 13 + 5) % parts);
        String weightOf = qualified((k * 31 + 11) % parts);
        return """
                package gen.%s;

                /** Generated part %d of %d: a constant and a small computation over three other parts. */
                public final class %s {

                    public static final int K = %d;
                    public static final String LABEL = "part-%d";

                    private %s() {
                    }

                    public static int id() {
                        return K;
                    }

                    public static int weight(int x) {
                        return Math.floorMod(x * 31 + K, 97);
                    }

                    public static int value(int x) {
                        int v = x * 17 + K;
                        v += %s.K * 3;
                        v ^= %s.id();
                        v += %s.weight(x);
                        return Math.floorMod(v, 13);
                    }

                    public static String describe(int x) {
                        return LABEL + ":" + value(x);
                    }
                }
                """.formatted(packageOf(k), k, parts, className(k), k, k, className(k), constantOf, idOf, weightOf);
    }
}
