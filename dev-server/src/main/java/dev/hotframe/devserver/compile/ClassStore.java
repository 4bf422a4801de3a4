package dev.hotframe.devserver.compile;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's last good classes, by binary name, with the source file each came from and an
 * index by package, so that javac's package listings cost the size of the package, not of the
 * project. Changed only by {@link #apply}, one whole build at a time.
 */
final class ClassStore {

    private final Map<String, byte[]> bytes = new HashMap<>();
    private final Map<String, Path> sourceOf = new HashMap<>();
    private final Map<Path, Set<String>> classesOf = new HashMap<>();
    private final Map<String, Set<String>> byPackage = new HashMap<>();
    private Map<String, byte[]> snapshot = Map.of();

    byte[] bytes(String name) {
        return bytes.get(name);
    }

    boolean contains(String name) {
        return bytes.containsKey(name);
    }

    /** The classes compiled from {@code file}; empty when it has none. */
    Set<String> classesOf(Path file) {
        return classesOf.getOrDefault(file, Set.of());
    }

    /** The classes directly in {@code packageName} ("" for the unnamed package). */
    Set<String> inPackage(String packageName) {
        return byPackage.getOrDefault(packageName, Set.of());
    }

    /** Every package that has classes. */
    Set<String> packages() {
        return byPackage.keySet();
    }

    /** Every source file that has classes. */
    Set<Path> files() {
        return classesOf.keySet();
    }

    int size() {
        return bytes.size();
    }

    /** An immutable copy of all classes, made once per change. */
    Map<String, byte[]> snapshot() {
        return snapshot;
    }

    /**
     * Replaces what {@code files} produced with {@code classes} (binary name to bytes, each with
     * its source in {@code sources}); a file with no classes left is gone.
     */
    void apply(Collection<Path> files, Map<String, byte[]> classes, Map<String, Path> sources) {
        for (Path file : files) {
            for (String name : classesOf.getOrDefault(file, Set.of())) {
                bytes.remove(name);
                sourceOf.remove(name);
                Set<String> siblings = byPackage.get(packageOf(name));
                siblings.remove(name);
                if (siblings.isEmpty()) {
                    byPackage.remove(packageOf(name));
                }
            }
            classesOf.remove(file);
        }
        classes.forEach((name, code) -> {
            Path file = sources.get(name);
            Path previous = sourceOf.put(name, file);
            if (previous != null && !previous.equals(file)) {
                Set<String> left = classesOf.get(previous);
                left.remove(name);
                if (left.isEmpty()) {
                    classesOf.remove(previous);
                }
            }
            bytes.put(name, code);
            classesOf.computeIfAbsent(file, f -> new HashSet<>()).add(name);
            byPackage.computeIfAbsent(packageOf(name), p -> new HashSet<>()).add(name);
        });
        snapshot = Map.copyOf(bytes);
    }

    /** Forgets every class. */
    void clear() {
        apply(List.copyOf(classesOf.keySet()), Map.of(), Map.of());
    }

    static String packageOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? "" : binaryName.substring(0, dot);
    }
}
