package dev.hotframe.testing.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid Hotframe app of N Java files, written to disk: the app class, its state class, and
 * N - 2 parts in packages of 50. Each part uses a constant of one other part and calls two more,
 * so the dependency graph looks like real code; the app draws circles whose sizes come from a
 * part. {@link #editBody} and {@link #addMethod} make the edits a developer makes most.
 */
public final class GeneratedProject {

    /** The app class of every generated project. */
    public static final String APP_CLASS = "gen.app.GenApp";
    static final int PACKAGE_SIZE = 50;
    private static final Pattern VALUE_LINE = Pattern.compile("int v = x \\* 17 \\+ K( \\+ \\d+)?;");

    private final Path dir;
    private final int files;

    private GeneratedProject(Path dir, int files) {
        this.dir = dir;
        this.files = files;
    }

    /** Writes a project of {@code files} Java files (at least 3: app, state, one part) under {@code dir}. */
    public static GeneratedProject write(Path dir, int files) throws IOException {
        if (files < 3) {
            throw new IllegalArgumentException("a generated project needs at least 3 files (app, state, one part), was " + files);
        }
        GeneratedProject project = new GeneratedProject(dir, files);
        int parts = project.parts();
        for (int k = 0; k < parts; k++) {
            Files.createDirectories(project.part(k).getParent());
            Files.writeString(project.part(k), part(k, parts));
        }
        Files.createDirectories(project.app().getParent());
        Files.writeString(project.app(), GeneratedApp.app(partClass(parts - 1)));
        Files.writeString(project.state(), GeneratedApp.state());
        Files.createDirectories(project.scene().getParent());
        Files.writeString(project.scene(), GeneratedApp.scene(files));
        Files.writeString(dir.resolve("hotframe.json"), "{ \"app\": \"" + APP_CLASS + "\" }\n");
        return project;
    }

    public Path dir() {
        return dir;
    }

    /** How many Java files it has. */
    public int files() {
        return files;
    }

    /** How many parts it has: all its classes but the app and the state. */
    public int parts() {
        return files - 2;
    }

    public Path sources() {
        return dir.resolve("src/main/java");
    }

    /** The app class's file; {@code panelColor()} returns {@code 0xFF2A4D69} and {@code render} calls {@code drawShapes(canvas, s);}. */
    public Path app() {
        return sources().resolve("gen/app/GenApp.java");
    }

    /** The state class's file, with the field {@code public long frames;}. */
    public Path state() {
        return sources().resolve("gen/app/GenState.java");
    }

    /** The scene {@code main}, with a box filled {@code #3366FF}. */
    public Path scene() {
        return dir.resolve("scenes/main.json");
    }

    /** The file of part {@code k}. */
    public Path part(int k) {
        return sources().resolve("gen").resolve(packageOf(k)).resolve(simpleName(k) + ".java");
    }

    /** The binary name of part {@code k}. */
    public static String partClass(int k) {
        return "gen." + packageOf(k) + "." + simpleName(k);
    }

    /** Changes the number added in part {@code k}'s {@code value} body to {@code n}. Returns the file. */
    public Path editBody(int k, int n) throws IOException {
        Path file = part(k);
        String text = Files.readString(file);
        Matcher m = VALUE_LINE.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(file + " has no value() line to edit");
        }
        Files.writeString(file, m.replaceFirst("int v = x * 17 + K + " + n + ";"));
        return file;
    }

    /** Adds a public method to part {@code k} (its API changes, so its users compile too). Returns the file. */
    public Path addMethod(int k, int n) throws IOException {
        Path file = part(k);
        String text = Files.readString(file);
        int end = text.lastIndexOf('}');
        Files.writeString(file, text.substring(0, end) + "\n    public int extra" + n + "() {\n        return " + n
                + ";\n    }\n}\n");
        return file;
    }

    static String packageOf(int k) {
        return String.format("p%03d", k / PACKAGE_SIZE);
    }

    static String simpleName(int k) {
        return String.format("C%04d", k);
    }

    /** Part k: its own constant, a constant of one other part, calls into two more. */
    static String part(int k, int parts) {
        String constantOf = partClass((k * 7 + 1) % parts);
        String idOf = partClass((k * 13 + 5) % parts);
        String weightOf = partClass((k * 31 + 11) % parts);
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
                """.formatted(packageOf(k), k, parts, simpleName(k), k, k, simpleName(k), constantOf, idOf, weightOf);
    }
}
