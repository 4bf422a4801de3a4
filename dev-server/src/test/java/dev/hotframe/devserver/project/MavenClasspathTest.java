package dev.hotframe.devserver.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real mvn, offline, on a real pom. */
@Timeout(120)
class MavenClasspathTest {

    private static final String NO_MAVEN = "/nonexistent/mvn";

    @TempDir
    Path dir;

    @Test
    void resolvesTheLibraryAndCachesItUnderThePomsFingerprint() throws Exception {
        LibraryProject project = LibraryProject.create(dir, LibraryProject.LIBRARY_VERSION);
        MavenPom pom = MavenPom.read(project.root().resolve("pom.xml"));

        MavenClasspath.Resolution resolved = new MavenClasspath(project.root(), false).resolve(pom);

        assertThat(resolved).isEqualTo(new MavenClasspath.Resolved(List.of(LibraryProject.LIBRARY_JAR), List.of(LibraryProject.LIBRARY_JAR)));
        Path cache = project.root().resolve(ResolutionCache.LIST);
        assertThat(Files.readAllLines(cache)).containsExactly(pom.fingerprint(), "compile\torg.apache.commons\t" + LibraryProject.LIBRARY_JAR);
        assertThat(new MavenClasspath(project.root(), false, NO_MAVEN).resolve(pom)).as("served from the cache")
                .isEqualTo(resolved);
    }

    @Test
    void changedPomIsResolvedAgain() {
        LibraryProject project = LibraryProject.create(dir, LibraryProject.LIBRARY_VERSION);
        new MavenClasspath(project.root(), false).resolve(MavenPom.read(project.root().resolve("pom.xml")));

        project.write("pom.xml", LibraryProject.pom(LibraryProject.LIBRARY_VERSION, "<changed>yes</changed>"));
        MavenClasspath.Resolution again = new MavenClasspath(project.root(), false, NO_MAVEN)
                .resolve(MavenPom.read(project.root().resolve("pom.xml")));

        assertThat(again).isInstanceOf(MavenClasspath.Unresolved.class);
        assertThat(((MavenClasspath.Unresolved) again).reason()).startsWith("cannot run Maven (" + NO_MAVEN + ") to resolve the compile classpath: ");
    }

    @Test
    void missingDependencyIsNamedWithTheWaysToFixIt() {
        LibraryProject project = LibraryProject.create(dir, "9.9.9");

        MavenClasspath.Resolution resolved = new MavenClasspath(project.root(), false)
                .resolve(MavenPom.read(project.root().resolve("pom.xml")));

        assertThat(resolved).isEqualTo(new MavenClasspath.Unresolved("cannot resolve the compile classpath: "
                + "the dependency org.apache.commons:commons-lang3:jar:9.9.9 is not in the local Maven repository. "
                + "Fix the dependency in the pom, or run 'mvn org.apache.maven.plugins:maven-dependency-plugin:3.11.0:resolve' "
                + "where the repository can be reached, "
                + "or list the jars in hotframe.json's \"classpath\". Compiling without the pom's dependencies until the "
                + "pom changes"));
        assertThat(project.root().resolve(ResolutionCache.LIST)).doesNotExist();
    }

    @Test
    void providedDependenciesAreCompiledAgainstButAreNotRunTimeLibraries() throws Exception {
        LibraryProject project = LibraryProject.create(dir, LibraryProject.LIBRARY_VERSION);
        Path provided = LocalMavenRepository.jar("com.fasterxml.jackson.core", "jackson-core", "2.17.2");
        String pom = Files.readString(project.root().resolve("pom.xml")).replace("</dependencies>", """
                    <dependency>
                      <groupId>com.fasterxml.jackson.core</groupId>
                      <artifactId>jackson-core</artifactId>
                      <version>2.17.2</version>
                      <scope>provided</scope>
                    </dependency>
                  </dependencies>""");
        Files.writeString(project.root().resolve("pom.xml"), pom);

        MavenClasspath.Resolved resolved = (MavenClasspath.Resolved) new MavenClasspath(project.root(), false)
                .resolve(MavenPom.read(project.root().resolve("pom.xml")));

        assertThat(resolved.entries()).containsExactlyInAnyOrder(LibraryProject.LIBRARY_JAR, provided);
        assertThat(resolved.libraries()).containsExactly(LibraryProject.LIBRARY_JAR);
        assertThat(new MavenClasspath(project.root(), false, NO_MAVEN).resolve(MavenPom.read(project.root().resolve("pom.xml"))))
                .as("the cache keeps the scopes").isEqualTo(resolved);
    }

    @Test
    void aFailureIsRememberedForThePomAtTheNextStartAndAskedAgainWhenThePomIsSaved() throws Exception {
        LibraryProject project = LibraryProject.create(dir, "9.9.9");
        MavenPom pom = MavenPom.read(project.root().resolve("pom.xml"));
        MavenClasspath.Unresolved failed = (MavenClasspath.Unresolved) new MavenClasspath(project.root(), false).resolve(pom);

        MavenClasspath restarted = new MavenClasspath(project.root(), false, NO_MAVEN);
        assertThat(restarted.resolve(pom)).as("the next start does not run Maven for the same pom").isEqualTo(failed);
        assertThat(Files.readAllLines(project.root().resolve(ResolutionCache.FAILURE)))
                .containsExactly(pom.fingerprint(), failed.reason());

        MavenClasspath.Resolution savedAgain = restarted.resolve(pom);
        assertThat(((MavenClasspath.Unresolved) savedAgain).reason()).as("a pom saved while the server runs is asked again")
                .startsWith("cannot run Maven (" + NO_MAVEN + ") to resolve the compile classpath: ");
    }

    @Test
    void aResolvedPomForgetsTheEarlierFailure() throws Exception {
        LibraryProject project = LibraryProject.create(dir, "9.9.9");
        new MavenClasspath(project.root(), false).resolve(MavenPom.read(project.root().resolve("pom.xml")));

        project.write("pom.xml", LibraryProject.pom(LibraryProject.LIBRARY_VERSION, ""));
        MavenClasspath.Resolution fixed = new MavenClasspath(project.root(), false)
                .resolve(MavenPom.read(project.root().resolve("pom.xml")));

        assertThat(fixed).isInstanceOf(MavenClasspath.Resolved.class);
        assertThat(project.root().resolve(ResolutionCache.FAILURE)).doesNotExist();
    }

    @Test
    void mavenThatCannotStartIsNotRemembered() {
        LibraryProject project = LibraryProject.create(dir, LibraryProject.LIBRARY_VERSION);

        new MavenClasspath(project.root(), false, NO_MAVEN).resolve(MavenPom.read(project.root().resolve("pom.xml")));

        assertThat(project.root().resolve(ResolutionCache.FAILURE)).doesNotExist();
        assertThat(new MavenClasspath(project.root(), false).resolve(MavenPom.read(project.root().resolve("pom.xml"))))
                .as("once Maven is installed, the next start resolves").isInstanceOf(MavenClasspath.Resolved.class);
    }
}
