package dev.hotframe.devserver.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class MavenPomTest {

    @TempDir
    Path dir;

    @Test
    void releaseComesFromTheCompilerPluginFirst() throws IOException {
        Path pom = write("app/pom.xml", project("<properties><maven.compiler.release>17</maven.compiler.release>"
                + "<java.level>21</java.level></properties>", """
                <build><plugins><plugin>
                  <artifactId>maven-compiler-plugin</artifactId>
                  <configuration><release>${java.level}</release></configuration>
                </plugin></plugins></build>
                """));

        assertThat(MavenPom.read(pom).release()).isEqualTo(OptionalInt.of(21));
    }

    @Test
    void releaseIsInheritedFromALocalParent() throws IOException {
        write("pom.xml", "<project><artifactId>parent</artifactId><properties>"
                + "<maven.compiler.release>17</maven.compiler.release></properties></project>");
        Path pom = write("app/pom.xml", project("", ""));

        MavenPom read = MavenPom.read(pom);

        assertThat(read.release()).isEqualTo(OptionalInt.of(17));
        assertThat(read.files()).containsExactly(pom, dir.resolve("pom.xml"));
    }

    @Test
    void oldStyleTargetCounts() throws IOException {
        Path pom = write("app/pom.xml", project("<properties><maven.compiler.target>1.8</maven.compiler.target></properties>", ""));

        assertThat(MavenPom.read(pom).release()).isEqualTo(OptionalInt.of(8));
    }

    @Test
    void noReleaseIsEmpty() throws IOException {
        assertThat(MavenPom.read(write("app/pom.xml", project("", ""))).release()).isEmpty();
    }

    @Test
    void fingerprintFollowsTheParentToo() throws IOException {
        Path parent = write("pom.xml", "<project><artifactId>parent</artifactId></project>");
        Path pom = write("app/pom.xml", project("", ""));
        String before = MavenPom.read(pom).fingerprint();

        Files.writeString(parent, "<project><artifactId>parent</artifactId><properties/></project>");

        assertThat(MavenPom.read(pom).fingerprint()).isNotEqualTo(before);
    }

    @Test
    void brokenPomSaysWhere() throws IOException {
        Path pom = write("app/pom.xml", "<project><artifactId>app</artifactId>");

        assertThatThrownBy(() -> MavenPom.read(pom)).isInstanceOf(ProjectException.class)
                .hasMessageStartingWith(pom + ": not a readable pom: ");
    }

    private static String project(String properties, String build) {
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + "<parent><groupId>demo</groupId><artifactId>parent</artifactId><version>1</version></parent>"
                + "<artifactId>app</artifactId>" + properties + build + "</project>";
    }

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
