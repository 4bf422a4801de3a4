package dev.hotframe.devserver.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyListTest {

    private static final String OUTPUT = """

            The following files have been resolved:
               org.apache.commons:commons-lang3:jar:3.18.0:compile:/m2/org/apache/commons/commons-lang3-3.18.0.jar
               org.slf4j:slf4j-api:jar:2.0.17:provided:/m2/org/slf4j/slf4j-api-2.0.17.jar -- module org.slf4j
               org.postgresql:postgresql:jar:42.7.4:runtime:/home/a user/.m2/postgresql-42.7.4.jar
               io.github.humbleui:skija-linux-x64:jar:natives:0.143.17:compile:/m2/skija-linux-x64-0.143.17-natives.jar
               dev.hotframe:hotframe-protocol:jar:0.1.0:compile:/m2/hotframe-protocol-0.1.0.jar
               org.lwjgl.lwjgl:lwjgl-glfw:jar:3.3.6:compile:/m2/lwjgl-glfw-3.3.6.jar
               org.junit.jupiter:junit-jupiter-api:jar:5.11.4:test:/m2/junit-jupiter-api-5.11.4.jar
               com.acme:tool:jar:1.0:system:/opt/acme/tool.jar

            """;

    @Test
    void compileClasspathHasCompileProvidedAndSystemScopesInOrder() {
        assertThat(DependencyList.parse(OUTPUT).compileClasspath()).containsExactly(
                Path.of("/m2/org/apache/commons/commons-lang3-3.18.0.jar"), Path.of("/m2/org/slf4j/slf4j-api-2.0.17.jar"),
                Path.of("/m2/skija-linux-x64-0.143.17-natives.jar"), Path.of("/m2/hotframe-protocol-0.1.0.jar"),
                Path.of("/m2/lwjgl-glfw-3.3.6.jar"), Path.of("/opt/acme/tool.jar"));
    }

    @Test
    void librariesAreWhatRunsLessProvidedTestAndWhatEveryViewerHas() {
        assertThat(DependencyList.parse(OUTPUT).runtimeLibraries()).containsExactly(
                Path.of("/m2/org/apache/commons/commons-lang3-3.18.0.jar"), Path.of("/home/a user/.m2/postgresql-42.7.4.jar"),
                Path.of("/opt/acme/tool.jar"));
    }

    @Test
    void noDependenciesIsAnEmptyList() {
        assertThat(DependencyList.parse("\nThe following files have been resolved:\n   none\n").entries()).isEqualTo(List.of());
    }
}
