package dev.hotframe.bench.project;

import java.nio.file.Path;
import java.util.List;

/**
 * A project on disk ready for the harness: its folder, how many Java files it has, its edits in
 * the order they are measured, and a structural edit that can toggle forever (the leak run).
 */
public record BenchProject(String name, Path dir, int javaFiles, String appClass, List<Edit> edits, Edit structuralToggle) {

    public BenchProject {
        edits = List.copyOf(edits);
    }

    /** Where javac and mvn put the compiled classes for the baselines. */
    public Path classes() {
        return dir.resolve("target/classes");
    }

    public Path sources() {
        return dir.resolve("src/main/java");
    }
}
