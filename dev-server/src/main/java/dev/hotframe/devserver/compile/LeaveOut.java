package dev.hotframe.devserver.compile;

import dev.hotframe.devserver.project.Project;
import dev.hotframe.wire.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a change, leaving out the files that do not compile (up to three times), so that the
 * rest of the change goes ahead; the files left out keep their last good classes.
 */
final class LeaveOut {

    private static final int MAX_ROUNDS = 3;

    private final Project project;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Set<Path> leftOut = new LinkedHashSet<>();

    LeaveOut(Project project) {
        this.project = project;
    }

    /** True when {@code batch}, less the files left out, compiled, and so did the files that use what changed. */
    boolean compile(IncrementalCompile compile, Set<Path> batch) {
        Set<Path> todo = new LinkedHashSet<>(batch);
        int rounds = 0;
        while (!compile.compile(todo)) {
            addNew(compile.errors());
            Set<Path> broken = filesWithErrors(compile.errors(), todo);
            if (broken.isEmpty() || broken.size() == todo.size() || ++rounds > MAX_ROUNDS) {
                return false;
            }
            leftOut.addAll(broken);
            todo.removeAll(broken);
        }
        if (!compile.compileDependents(leftOut)) {
            addNew(compile.errors());
            return false;
        }
        return true;
    }

    /** The errors met on the way, each once. */
    List<Diagnostic> problems() {
        return problems;
    }

    /** The files left out because they do not compile. */
    Set<Path> leftOut() {
        return leftOut;
    }

    /** The files of {@code candidates} that the errors are in; empty when one error is elsewhere. */
    private Set<Path> filesWithErrors(List<Diagnostic> errors, Set<Path> candidates) {
        Map<String, Path> byName = new HashMap<>();
        candidates.forEach(f -> byName.put(project.relative(f), f));
        Set<Path> files = new LinkedHashSet<>();
        for (Diagnostic error : errors) {
            Path file = byName.get(error.file());
            if (file == null) {
                return Set.of();
            }
            files.add(file);
        }
        return files;
    }

    private void addNew(List<Diagnostic> errors) {
        errors.stream().filter(e -> !problems.contains(e)).forEach(problems::add);
    }
}
