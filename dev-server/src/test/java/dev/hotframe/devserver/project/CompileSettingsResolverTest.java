package dev.hotframe.devserver.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Release and classpath rules; Maven itself is replaced by a command that does not exist, except where noted. */
@Timeout(30)
class CompileSettingsResolverTest {

    @TempDir
    Path dir;

    private Path root;

    @BeforeEach
    void createProject() throws IOException {
        root = dir.toAbsolutePath().normalize();
        Files.createDirectories(root.resolve("src/main/java"));
    }

    @Test
    void projectWithoutAPomCompilesForReleaseSeventeenWithItsDescriptorsClasspath() throws IOException {
        Path jar = Files.writeString(root.resolve("lib.jar"), "");
        descriptor("\"classpath\": [\"lib.jar\"]");

        assertThat(resolver().resolve()).isEqualTo(new CompileSettings(List.of(jar), 17, List.of()));
    }

    @Test
    void missingClasspathEntryIsAProblemNotAFailure() throws IOException {
        descriptor("\"classpath\": [\"gone.jar\"]");

        assertThat(resolver().resolve()).isEqualTo(new CompileSettings(List.of(), 17, List.of(new CompileSettings.Problem(
                root.resolve(Project.DESCRIPTOR), "the classpath entry " + root.resolve("gone.jar")
                + " does not exist; compiling without it"))));
    }

    @Test
    void releaseBelowTheContractsIsRaisedWithAProblem() throws IOException {
        descriptor("\"release\": 11");

        assertThat(resolver().resolve()).isEqualTo(new CompileSettings(List.of(), 17, List.of(new CompileSettings.Problem(
                root.resolve(Project.DESCRIPTOR), "the project asks for Java release 11, but Hotframe's app contract needs 17; "
                + "compiling with --release 17"))));
    }

    @Test
    void descriptorsReleaseWinsOverThePoms() throws IOException {
        descriptor("\"release\": 17");
        Files.writeString(root.resolve("pom.xml"), LibraryProject.pom("1", "<maven.compiler.release>11</maven.compiler.release>"));

        CompileSettings settings = resolver().resolve();

        assertThat(settings.release()).isEqualTo(17);
        assertThat(settings.problems()).extracting(CompileSettings.Problem::message)
                .allMatch(m -> m.startsWith("cannot run Maven"));
    }

    @Test
    void pomsReleaseIsUsedWhenTheDescriptorHasNone() throws IOException {
        descriptor("");
        Files.writeString(root.resolve("pom.xml"), LibraryProject.pom("1", "<maven.compiler.release>11</maven.compiler.release>"));

        CompileSettings settings = resolver().resolve();

        assertThat(settings.problems()).extracting(CompileSettings.Problem::message).contains(
                "the project asks for Java release 11, but Hotframe's app contract needs 17; compiling with --release 17");
    }

    @Test
    void settingsGoStaleWhenThePomChangesOrAppears() throws IOException {
        descriptor("");
        CompileSettingsResolver resolver = resolver();
        resolver.resolve();
        assertThat(resolver.stale()).isFalse();

        Path pom = Files.writeString(root.resolve("pom.xml"), LibraryProject.pom("1", ""));
        assertThat(resolver.stale()).as("a pom appeared").isTrue();

        resolver.resolve();
        assertThat(resolver.stale()).isFalse();
        Files.writeString(pom, LibraryProject.pom("2", ""));
        assertThat(resolver.stale()).as("the pom changed").isTrue();
    }

    @Test
    void libraryFromThePomIsOnTheClasspathAfterTheDescriptorsEntries() throws IOException {
        LibraryProject project = LibraryProject.create(root, LibraryProject.LIBRARY_VERSION);
        Path jar = Files.writeString(root.resolve("first.jar"), "");
        project.write(Project.DESCRIPTOR, "{\"app\": \"demo.App\", \"classpath\": [\"first.jar\"]}");

        assertThat(project.offlineResolver().resolve())
                .isEqualTo(new CompileSettings(List.of(jar, LibraryProject.LIBRARY_JAR), 17, List.of()));
    }

    private CompileSettingsResolver resolver() {
        return new CompileSettingsResolver(Project.load(root), new MavenClasspath(root, false, "/nonexistent/mvn"));
    }

    private void descriptor(String more) throws IOException {
        Files.writeString(root.resolve(Project.DESCRIPTOR), "{\"app\": \"demo.App\"" + (more.isEmpty() ? "" : ", " + more) + "}");
    }
}
