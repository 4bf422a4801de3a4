package dev.hotframe.devserver.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real Maven project on disk whose code uses a library, commons-lang3, from the local Maven
 * repository. Tests that use it run the real {@code mvn}, offline; the library is fetched into
 * the local repository first (online, as Maven would for a user) when it is not there.
 */
public final class LibraryProject {

    public static final String LIBRARY_VERSION = "3.18.0";
    public static final Path LIBRARY_JAR = LocalMavenRepository.jar("org.apache.commons", "commons-lang3", LIBRARY_VERSION);
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
}
