package dev.hotframe.devserver.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of {@code mvn dependency:list -DoutputScope=true -DoutputAbsoluteArtifactFilename=true}:
 * one resolved artifact per line, {@code group:artifact:type[:classifier]:version:scope:/path/to.jar},
 * sometimes followed by {@code -- module name}. One Maven run gives both what the code compiles
 * against and what it needs at run time, so the dev server asks Maven once per pom change.
 */
record DependencyList(List<Entry> entries) {

    /** One resolved artifact: its group, its scope and its file. */
    record Entry(String group, String scope, Path file) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^\\s*([^\\s:]+)(?::[^\\s:]+){3,4}:(compile|provided|runtime|test|system|import):(.+?)(?:\\s+--\\s+module\\s.*)?$");
    private static final Set<String> COMPILE_SCOPES = Set.of("compile", "provided", "system");
    private static final Set<String> RUN_SCOPES = Set.of("compile", "runtime", "system");

    /**
     * Groups every viewer already has (the app contract, Skija, LWJGL): never sent as libraries.
     * The viewer loads a library's classes parent-first, so its own copy would win anyway.
     */
    static final List<String> VIEWER_PROVIDED = List.of("dev.hotframe", "io.github.humbleui", "org.lwjgl");

    DependencyList {
        entries = List.copyOf(entries);
    }

    /** Reads Maven's output; lines that are not artifacts (headers, "none") are skipped. */
    static DependencyList parse(String output) {
        List<Entry> entries = new ArrayList<>();
        for (String line : output.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                entries.add(new Entry(m.group(1), m.group(2), Path.of(m.group(3).strip())));
            }
        }
        return new DependencyList(entries);
    }

    /** The compile classpath: compile, provided and system scopes, in Maven's order. */
    List<Path> compileClasspath() {
        return entries.stream().filter(e -> COMPILE_SCOPES.contains(e.scope())).map(Entry::file).distinct().toList();
    }

    /** What the code needs at run time that the viewer does not provide: compile, runtime and system scopes. */
    List<Path> runtimeLibraries() {
        return entries.stream().filter(e -> RUN_SCOPES.contains(e.scope()))
                .filter(e -> VIEWER_PROVIDED.stream().noneMatch(g -> e.group().equals(g) || e.group().startsWith(g + ".")))
                .map(Entry::file).distinct().toList();
    }
}
