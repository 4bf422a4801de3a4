package dev.hotframe.bench.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pom.xml that builds a bench project on its own: no parent, the app contract and Skija from
 * the viewer's jar (system scope, so that nothing has to be installed), plugin versions pinned so
 * that {@code mvn -o} works from the local repository the Hotframe build already filled.
 */
final class StandalonePom {

    private StandalonePom() {
    }

    static void write(Path dir, String artifactId, Path viewerJar) throws IOException {
        String pom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench.hotframe</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>dev.hotframe</groupId>
                      <artifactId>hotframe-viewer</artifactId>
                      <version>0.1.0-SNAPSHOT</version>
                      <scope>system</scope>
                      <systemPath>%s</systemPath>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.14.0</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(artifactId, viewerJar.toAbsolutePath());
        Files.writeString(dir.resolve("pom.xml"), pom);
    }
}
