package dev.hotframe.devserver.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.devserver.project.LibraryProject;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.Tier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A Maven project that uses a library: the real mvn (offline), the real javac, real class loading. */
@Timeout(120)
class LibraryBuildTest {

    @TempDir
    Path dir;

    @Test
    void projectUsingALibraryCompilesAndReloads() throws Exception {
        LibraryProject project = LibraryProject.create(dir, LibraryProject.LIBRARY_VERSION);
        try (JavaBuild build = new JavaBuild(project.load(), project.offlineResolver())) {
            DependentsTest.built(build.full());
            assertThat(build.settings().classpath()).containsExactly(LibraryProject.LIBRARY_JAR);
            assertThat(run(build.classes())).isEqualTo("Hotframe");

            Path greeting = project.write("src/main/java/demo/Greeting.java",
                    LibraryProject.GREETING.replace("capitalize(\"hotframe\")", "upperCase(\"hotframe\")"));
            JavaBuild.Built built = DependentsTest.built(build.changed(Set.of(greeting)));

            assertThat(built.classification().tier()).isEqualTo(Tier.REDEFINE);
            assertThat(run(build.classes())).isEqualTo("HOTFRAME");
        }
    }

    @Test
    void missingDependencyIsAClearErrorAndFixingThePomBuildsAgain() throws Exception {
        LibraryProject project = LibraryProject.create(dir, "9.9.9");
        try (JavaBuild build = new JavaBuild(project.load(), project.offlineResolver())) {
            JavaBuild.Result result = build.full();

            assertThat(result).isInstanceOf(JavaBuild.Failed.class);
            assertThat(((JavaBuild.Failed) result).errors()).first().isEqualTo(new Diagnostic("pom.xml", 0, 0,
                    "cannot resolve the compile classpath: the dependency org.apache.commons:commons-lang3:jar:9.9.9 is not "
                    + "in the local Maven repository. Fix the dependency in the pom, or run 'mvn org.apache.maven.plugins:maven-dependency-plugin:3.11.0:resolve' where "
                    + "the repository can be reached, or list the jars in hotframe.json's \"classpath\". Compiling without "
                    + "the pom's dependencies until the pom changes"));
            assertThat(((JavaBuild.Failed) result).errors()).extracting(Diagnostic::file)
                    .contains("src/main/java/demo/Greeting.java");

            project.write("pom.xml", LibraryProject.pom(LibraryProject.LIBRARY_VERSION, ""));
            DependentsTest.built(build.changed(Set.of()));
            assertThat(run(build.classes())).isEqualTo("Hotframe");
        }
    }

    private static Object run(Map<String, byte[]> classes) throws Exception {
        try (URLClassLoader library = new URLClassLoader(new URL[] {LibraryProject.LIBRARY_JAR.toUri().toURL()},
                LibraryBuildTest.class.getClassLoader())) {
            ClassLoader loader = new ClassLoader(library) {
                @Override
                protected Class<?> findClass(String name) throws ClassNotFoundException {
                    byte[] bytes = classes.get(name);
                    if (bytes == null) {
                        throw new ClassNotFoundException(name);
                    }
                    return defineClass(name, bytes, 0, bytes.length);
                }
            };
            return loader.loadClass("demo.Greeting").getMethod("text").invoke(null);
        }
    }
}
