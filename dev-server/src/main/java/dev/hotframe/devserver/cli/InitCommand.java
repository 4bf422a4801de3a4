package dev.hotframe.devserver.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code devserver init NAME}: scaffolds a project that builds and runs on the first try: a pom
 * with the app contract as a provided dependency, {@code hotframe.json}, an app that draws with
 * Skija and shows a scene bound to its state, and a README that says what to edit.
 */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = DevServerCommand.class,
        description = "Create a new Hotframe project in the folder NAME.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:created", "1:the files could not be written", "2:bad name, or the folder exists and is not empty"})
final class InitCommand implements Callable<Integer> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
    private static final String FALLBACK_VERSION = "0.1.0-SNAPSHOT";

    @Parameters(index = "0", paramLabel = "NAME", description = "The project's name: letters, digits, '-' and '_', starting "
            + "with a letter. It names the folder, the Maven artifact and the app class.")
    String name;

    @Option(names = "--dir", paramLabel = "DIR", description = "The project's folder itself, not its parent; empty or new (default: ./NAME).")
    Path dir;

    @Option(names = "--package", paramLabel = "PKG", description = "The Java package (default: com.example.<name>).")
    String packageName;

    @Override
    public Integer call() {
        if (!NAME.matcher(name).matches()) {
            System.err.println("error: NAME must start with a letter and have only letters, digits, '-' and '_' (at most 64), "
                    + "was '" + name + "'");
            return 2;
        }
        String pkg = packageName != null ? packageName : "com.example." + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (!PACKAGE.matcher(pkg).matches()) {
            System.err.println("error: --package must be a Java package name such as com.example.game, was '" + pkg + "'");
            return 2;
        }
        Path target = (dir != null ? dir : Path.of(name)).toAbsolutePath().normalize();
        try {
            if (Files.exists(target) && (!Files.isDirectory(target) || hasFiles(target))) {
                System.err.println("error: " + target + " exists and is not an empty folder; choose another NAME or --dir");
                return 2;
            }
            String appClass = appClass(name);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", name);
            values.put("package", pkg);
            values.put("packagePath", pkg.replace('.', '/'));
            values.put("appClass", appClass);
            values.put("version", version());
            write(target, "pom.xml", "pom.xml.template", values);
            write(target, "hotframe.json", "hotframe.json.template", values);
            write(target, "README.md", "README.md.template", values);
            write(target, ".gitignore", "gitignore.template", values);
            write(target, "scenes/main.json", "main.json.template", values);
            write(target, "src/main/java/" + pkg.replace('.', '/') + "/" + appClass + ".java", "App.java.template", values);
            Files.createDirectories(target.resolve("assets"));
        } catch (IOException e) {
            System.err.println("error: cannot create the project in " + target + ": " + e.getMessage());
            return 1;
        }
        Ansi ansi = Ansi.detect();
        System.out.println(ansi.green("Created " + name) + " in " + target);
        System.out.println("  " + Banner.command("devserver") + " serve " + target + "     then, in another terminal: "
                + Banner.command("viewer") + " connect");
        return 0;
    }

    /** {@code my-game} becomes {@code MyGameApp}. */
    static String appClass(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[-_]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.append("App").toString();
    }

    private static boolean hasFiles(Path folder) throws IOException {
        try (var list = Files.list(folder)) {
            return list.findAny().isPresent();
        }
    }

    private static void write(Path root, String file, String template, Map<String, String> values) throws IOException {
        String text;
        try (InputStream in = InitCommand.class.getResourceAsStream("/init/" + template)) {
            if (in == null) {
                throw new IOException("the jar lacks the template " + template);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("{{" + v.getKey() + "}}", v.getValue());
        }
        Path out = root.resolve(file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    private static String version() {
        String v = InitCommand.class.getPackage().getImplementationVersion();
        return v == null ? FALLBACK_VERSION : v;
    }
}
