package dev.hotframe.devserver.compile;

import dev.hotframe.wire.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One build, in steps: compile the changed files; then, while some class's API changed (its
 * non-private shape or a constant), compile the files that use it, against the new classes.
 * A step that fails fails the build. Nothing is kept until the caller commits the result, so a
 * failed or cancelled build leaves the last good classes untouched.
 */
final class IncrementalCompile {

    private final ClassStore store;
    private final DependencyGraph graph;
    private final InProcessCompiler compiler;
    private final CompileHooks hooks;

    private final Map<String, byte[]> newer = new HashMap<>();
    private final Map<String, Path> newerSources = new HashMap<>();
    private final Set<String> gone = new HashSet<>();
    private final Set<Path> files = new LinkedHashSet<>();
    private final Map<Path, Set<String>> references = new HashMap<>();
    private int compiled;
    private List<Diagnostic> errors = List.of();

    IncrementalCompile(ClassStore store, DependencyGraph graph, InProcessCompiler compiler, CompileHooks hooks) {
        this.store = store;
        this.graph = graph;
        this.compiler = compiler;
        this.hooks = hooks;
    }

    /** Compiles {@code changed} (deleted files drop their classes); false when it failed, see {@link #errors()}. */
    boolean compile(Set<Path> changed) {
        return step(changed);
    }

    /**
     * Compiles the users of the classes whose API changed so far, step after step, until no
     * API changes. False when a step failed (see {@link #errors()}), or when a user is one of
     * {@code leftOut}, files whose last good classes would no longer fit (then errors are empty).
     */
    boolean compileDependents(Set<Path> leftOut) {
        Set<String> changedApi = apiChanges(newer.keySet(), gone);
        Set<String> seen = new HashSet<>(changedApi);
        while (!changedApi.isEmpty()) {
            Set<Path> next = new LinkedHashSet<>(graph.usersOf(changedApi));
            next.removeAll(files);
            if (next.isEmpty()) {
                return true;
            }
            if (next.stream().anyMatch(leftOut::contains)) {
                errors = List.of();
                return false;
            }
            Set<String> producedBefore = new HashSet<>(newer.keySet());
            Set<String> goneBefore = new HashSet<>(gone);
            if (!step(next)) {
                return false;
            }
            Set<String> produced = new HashSet<>(newer.keySet());
            produced.removeAll(producedBefore);
            Set<String> removed = new HashSet<>(gone);
            removed.removeAll(goneBefore);
            changedApi = apiChanges(produced, removed);
            changedApi.removeAll(seen);
            seen.addAll(changedApi);
        }
        return true;
    }

    /** The errors of the step that failed last. */
    List<Diagnostic> errors() {
        return errors;
    }

    private boolean step(Set<Path> step) {
        Set<String> hidden = new HashSet<>(gone);
        for (Path file : files) {
            hidden.addAll(store.classesOf(file));
        }
        for (Path file : step) {
            hidden.addAll(store.classesOf(file));
        }
        List<Path> existing = step.stream().filter(Files::isRegularFile).sorted().toList();
        InProcessCompiler.Output out = existing.isEmpty()
                ? new InProcessCompiler.Output(Map.of(), Map.of(), Map.of(), List.of())
                : compiler.compile(existing, new VisibleClasses(store, newer, hidden), hooks);
        if (!out.ok()) {
            errors = out.errors();
            return false;
        }
        files.addAll(step);
        for (Path file : step) {
            for (String name : store.classesOf(file)) {
                if (!out.classes().containsKey(name)) {
                    gone.add(name);
                }
            }
        }
        gone.removeAll(out.classes().keySet());
        newer.putAll(out.classes());
        newerSources.putAll(out.sources());
        references.putAll(out.references());
        compiled += existing.size();
        return true;
    }

    /** The classes among {@code produced} and {@code removed} whose users may compile differently now. */
    private Set<String> apiChanges(Set<String> produced, Set<String> removed) {
        Set<String> changed = new HashSet<>();
        for (String name : produced) {
            byte[] old = store.bytes(name);
            byte[] now = newer.get(name);
            if (old != null && !Arrays.equals(old, now) && !ClassShape.of(old).sameApiAs(ClassShape.of(now))) {
                changed.add(name);
            }
        }
        for (String name : removed) {
            if (store.contains(name)) {
                changed.add(name);
            }
        }
        return changed;
    }

    /** How many source files javac compiled in this build. */
    int compiled() {
        return compiled;
    }

    /** The files this build compiled or found deleted. */
    Set<Path> files() {
        return files;
    }

    /** The change from the last good classes to this build's, classified. */
    Classification classify() {
        Map<String, byte[]> before = new HashMap<>();
        for (String name : newer.keySet()) {
            byte[] old = store.bytes(name);
            if (old != null) {
                before.put(name, old);
            }
        }
        for (String name : gone) {
            if (store.contains(name)) {
                before.put(name, store.bytes(name));
            }
        }
        return ShapeClassifier.classify(before, newer);
    }

    /** {@link #classify()}, escalated to a restart when the app class {@code appClass} changed its start (see {@link StartChange}). */
    Classification classify(String appClass) {
        return StartChange.escalate(classify(), appClass, store.contains(appClass) ? store.bytes(appClass) : null,
                newer.get(appClass));
    }

    /** The bytes of the classes this build produced, by binary name. */
    Map<String, byte[]> produced() {
        return newer;
    }

    /** Makes this build's classes the last good ones, and updates the dependency graph. */
    void commit() {
        store.apply(files, newer, newerSources);
        gone.forEach(name -> graph.supertypes(name, Set.of()));
        Map<Path, Set<String>> usesByFile = new HashMap<>();
        Function<Path, Set<String>> uses = file -> usesByFile.computeIfAbsent(file, f -> new HashSet<>());
        newer.forEach((name, bytes) -> {
            ClassLinks links = ClassLinks.of(bytes);
            uses.apply(newerSources.get(name)).addAll(links.references());
            graph.supertypes(name, projectOnly(links.supertypes()));
        });
        references.forEach((file, names) -> uses.apply(file).addAll(names));
        for (Path file : files) {
            Set<String> used = usesByFile.get(file);
            if (used == null || store.classesOf(file).isEmpty()) {
                graph.forget(file);
            } else {
                Set<String> project = projectOnly(used);
                project.removeAll(store.classesOf(file));
                graph.uses(file, project);
            }
        }
    }

    private Set<String> projectOnly(Set<String> names) {
        Set<String> project = new HashSet<>();
        for (String name : names) {
            if (store.contains(name)) {
                project.add(name);
            }
        }
        return project;
    }
}
