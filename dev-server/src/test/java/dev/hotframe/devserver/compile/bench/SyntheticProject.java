package dev.hotframe.devserver.compile.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated Hotframe project of N classes that use each other: {@code gen.p<k>.C<i>}, 50 per
 * package, each calling methods of three others (in other packages) and using their constants,
 * about 45 lines each, plus an app class. Its files compile, and {@link #editBody} makes the
 * one-method edit a developer makes most: a new number in a method body.
 */
public final class SyntheticProject {

    public static final int PER_PACKAGE = 50;
    private static final Pattern VALUE_LINE = Pattern.compile("return state \\+ (\\d+) \\+ (\\d+);");

    private final Path root;
    private final int size;

    private SyntheticProject(Path root, int size) {
        this.root = root;
        this.size = size;
    }

    /** Writes a project of {@code size} classes under {@code root}. */
    public static SyntheticProject generate(Path root, int size) {
        if (size < 4) {
            throw new IllegalArgumentException("'size' must be at least 4, was " + size);
        }
        SyntheticProject project = new SyntheticProject(root, size);
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve("hotframe.json"), "{\"app\": \"gen.App\"}");
            project.write("gen/App.java", app());
            for (int i = 0; i < size; i++) {
                project.write(path(i), project.source(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic project in " + root, e);
        }
        return project;
    }

    public Path root() {
        return root;
    }

    public int size() {
        return size;
    }

    /** The source file of class {@code i}. */
    public Path file(int i) {
        return root.resolve("src/main/java").resolve(path(i)).toAbsolutePath().normalize();
    }

    /** The binary name of class {@code i}. */
    public static String className(int i) {
        return "gen.p" + (i / PER_PACKAGE) + ".C" + i;
    }

    /**
     * Changes the number in class {@code i}'s {@code value()} body to {@code n}; the file's length
     * changes whenever the number's does. Returns the file.
     */
    public Path editBody(int i, int n) {
        Path file = file(i);
        try {
            String text = Files.readString(file);
            Matcher m = VALUE_LINE.matcher(text);
            if (!m.find()) {
                throw new IllegalStateException(file + " has no value() line to edit");
            }
            Files.writeString(file, m.replaceFirst("return state + $1 + " + n + ";"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot edit " + file, e);
        }
    }

    /** Adds a public method to class {@code i} (its API changes, so its users compile too). Returns the file. */
    public Path addMethod(int i, int n) {
        Path file = file(i);
        try {
            String text = Files.readString(file);
            int end = text.lastIndexOf('}');
            Files.writeString(file, text.substring(0, end) + "\n    public int extra" + n + "() {\n        return " + n
                    + ";\n    }\n}\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot edit " + file, e);
        }
    }

    private String source(int i) {
        int a = (i + size - 1) % size;
        int b = (int) ((i * 7L + 3) % size);
        int c = (int) ((i * 13L + 5) % size);
        String pkg = "gen.p" + (i / PER_PACKAGE);
        return "package " + pkg + ";\n\n"
                + "import java.util.ArrayList;\n"
                + "import java.util.List;\n\n"
                + "/** Generated class " + i + ": uses " + className(a) + ", " + className(b) + " and " + className(c) + ". */\n"
                + "public final class C" + i + " {\n"
                + "    public static final int ID = " + i + ";\n"
                + "    public static final String NAME = \"C" + i + "\";\n\n"
                + "    private final List<Integer> history = new ArrayList<>();\n"
                + "    private int state;\n\n"
                + "    public int value() {\n"
                + "        return state + " + i + " + 0;\n"
                + "    }\n\n"
                + "    public int step(int x) {\n"
                + "        state += x + " + className(a) + ".ID;\n"
                + "        history.add(state);\n"
                + "        return state;\n"
                + "    }\n\n"
                + "    public int mix(" + className(b) + " other) {\n"
                + "        return other.value() * 31 + " + className(c) + ".NAME.length();\n"
                + "    }\n\n"
                + "    public static " + className(c) + " partner() {\n"
                + "        return new " + className(c) + "();\n"
                + "    }\n\n"
                + "    public int total() {\n"
                + "        int sum = 0;\n"
                + "        for (int h : history) {\n"
                + "            sum += h;\n"
                + "        }\n"
                + "        return sum + partner().value();\n"
                + "    }\n\n"
                + "    @Override\n"
                + "    public String toString() {\n"
                + "        return NAME + \"(\" + state + \")\";\n"
                + "    }\n"
                + "}\n";
    }

    private static String app() {
        return """
                package gen;

                import dev.hotframe.app.Frame;
                import dev.hotframe.app.HotframeApp;

                public final class App implements HotframeApp<App.State> {
                    public static final class State {
                        public int ticks;
                    }

                    public State initialState() {
                        return new State();
                    }

                    public void update(State s, double dt) {
                        s.ticks += new gen.p0.C0().step(1);
                    }

                    public void render(State s, Frame f) {
                        f.scene("main");
                    }
                }
                """;
    }

    private static String path(int i) {
        return "gen/p" + (i / PER_PACKAGE) + "/C" + i + ".java";
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve("src/main/java").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
