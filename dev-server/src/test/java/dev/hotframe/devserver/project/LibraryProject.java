package dev.hotframe.devserver.project;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real Maven project on disk whose code uses a library, commons-lang3, from the local Maven
 * repository. Tests that use it run the real {@code mvn}, offline; they are skipped where
 * Maven or the library is missing.
 */
public final class LibraryProject {

    public static final String LIBRARY_VERSION = "3.18.0";
    public static final Path LIBRARY_JAR = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "apache",
            "commons", "commons-lang3", LIBRARY_VERSION, "commons-lang3-" + LIBRARY_VERSION + ".jar");
    public static final String GREETING = """
            package demo;

            import org.apache.commons.lang3.StringUtils;

            public final class Greeting {
                public static String text() {
                    return StringUtils.capitalize("hotframe");
                }
            }
            """;

    private final Path root;

    private LibraryProject(Path root) {
        this.root = root;
    }

    /** Writes the project under {@code root}: a pom depending on commons-lang3 {@code version}, the descriptor and Greeting. */
    public static LibraryProject create(Path root, String version) {
        assumeTrue(Files.isRegularFile(LIBRARY_JAR), "needs " + LIBRARY_JAR + " in the local Maven repository");
        assumeTrue(onPath("mvn"), "needs mvn on the PATH");
        LibraryProject project = new LibraryProject(root.toAbsolutePath().normalize());
        project.write("pom.xml", pom(version, "<maven.compiler.release>17</maven.compiler.release>"));
        project.write(Project.DESCRIPTOR, "{\"app\": \"demo.App\"}");
        project.write("src/main/java/demo/Greeting.java", GREETING);
        return project;
    }

    /** A pom for this project; {@code properties} go into its {@code <properties>}. */
    public static String pom(String version, String properties) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId>
                  <artifactId>library-user</artifactId>
                  <version>1</version>
                  <properties>%s</properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.apache.commons</groupId>
                      <artifactId>commons-lang3</artifactId>
                      <version>%s</version>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(properties, version);
    }

    public Path root() {
        return root;
    }

    public Project load() {
        return Project.load(root);
    }

    /** Resolution the way tests need it: offline, never touching the network. */
    public CompileSettingsResolver offlineResolver() {
        Project project = load();
        return new CompileSettingsResolver(project, new MavenClasspath(root, false));
    }

    public Path write(String relative, String content) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }
}
