package dev.hotframe.devserver.project;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user's code compiles with: the classpath entries from {@code hotframe.json} and, for
 * a Maven project, from its {@code pom.xml}; the Java release; the problems met while working
 * them out (a pom whose dependencies cannot be resolved), each a sentence to show; and the
 * libraries the code needs at run time, which viewers are sent.
 */
public record CompileSettings(List<Path> classpath, int release, List<Problem> problems, List<Path> libraries) {

    /** Something wrong with the project's setup, in {@code file} (the descriptor or a pom). */
    public record Problem(Path file, String message) {
        @Override
        public String toString() {
            return file + ": " + message;
        }
    }

    public CompileSettings {
        classpath = List.copyOf(classpath);
        problems = List.copyOf(problems);
        libraries = List.copyOf(libraries);
    }

    /** Settings whose run-time libraries are exactly the classpath (no pom scopes to tell them apart). */
    public CompileSettings(List<Path> classpath, int release, List<Problem> problems) {
        this(classpath, release, problems, classpath);
    }
}
