package dev.hotframe.devserver.compile;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which source files use which project classes, kept up to date one compiled file at a time.
 * A file uses a class when one of its class files names it ({@link ClassLinks}) or its source
 * names it ({@link SourceReferences}: this is what catches inlined constants). The graph also
 * knows each class's supertypes, because a class's inherited API changes with its supertypes'.
 */
final class DependencyGraph {

    private final Map<Path, Set<String>> usesOf = new HashMap<>();
    private final Map<String, Set<Path>> usersOf = new HashMap<>();
    private final Map<String, Set<String>> supertypesOf = new HashMap<>();
    private final Map<String, Set<String>> subtypesOf = new HashMap<>();

    /** Replaces what {@code file} uses with {@code classes} (binary names of project classes). */
    void uses(Path file, Set<String> classes) {
        forget(file);
        Set<String> copy = Set.copyOf(classes);
        usesOf.put(file, copy);
        copy.forEach(name -> usersOf.computeIfAbsent(name, n -> new HashSet<>()).add(file));
    }

    /** Forgets a deleted file's uses. */
    void forget(Path file) {
        Set<String> old = usesOf.remove(file);
        if (old == null) {
            return;
        }
        for (String name : old) {
            Set<Path> users = usersOf.get(name);
            users.remove(file);
            if (users.isEmpty()) {
                usersOf.remove(name);
            }
        }
    }

    /** Replaces the supertypes of class {@code name}; an empty set forgets the class. */
    void supertypes(String name, Set<String> supertypes) {
        for (String old : supertypesOf.getOrDefault(name, Set.of())) {
            Set<String> subs = subtypesOf.get(old);
            subs.remove(name);
            if (subs.isEmpty()) {
                subtypesOf.remove(old);
            }
        }
        if (supertypes.isEmpty()) {
            supertypesOf.remove(name);
            return;
        }
        supertypesOf.put(name, Set.copyOf(supertypes));
        supertypes.forEach(s -> subtypesOf.computeIfAbsent(s, k -> new HashSet<>()).add(name));
    }

    /**
     * The files that must be compiled again when the API of {@code changed} classes changed:
     * the users of those classes and of all their subtypes, whose inherited API changed with them.
     */
    Set<Path> usersOf(Set<String> changed) {
        Set<String> affected = new HashSet<>(changed);
        Deque<String> todo = new ArrayDeque<>(changed);
        while (!todo.isEmpty()) {
            for (String sub : subtypesOf.getOrDefault(todo.pop(), Set.of())) {
                if (affected.add(sub)) {
                    todo.push(sub);
                }
            }
        }
        Set<Path> files = new HashSet<>();
        affected.forEach(name -> files.addAll(usersOf.getOrDefault(name, Set.of())));
        return files;
    }

    /** What {@code file} uses, for tests and diagnostics. */
    Set<String> usesOf(Path file) {
        return usesOf.getOrDefault(file, Set.of());
    }

    void clear() {
        usesOf.clear();
        usersOf.clear();
        supertypesOf.clear();
        subtypesOf.clear();
    }
}
