package dev.hotframe.bench.drill;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * One kind of hostile edit: its {@code --only} name, what it does, how it is made on a project, and
 * the words a meaningful report of it contains (any one of them, ignoring case). {@code shownOnRevert}:
 * the failure can only be reported when its code is replaced (a thread the app left running is
 * found when its generation is dropped), so the recovery update's warnings count too.
 */
record HostileEdit(String name, String label, Preparation preparation, Function<ProjectLayout, List<String>> hints,
                   boolean shownOnRevert) {

    /** Makes the change on a project, or says why it does not apply. */
    @FunctionalInterface
    interface Preparation {
        Prepared prepare(ProjectLayout project) throws IOException;
    }

    Prepared prepare(ProjectLayout project) throws IOException {
        return preparation.prepare(project);
    }

    /** Whether {@code report} names what went wrong (one of the hints). */
    boolean meaningful(String report, ProjectLayout project) {
        String text = report.toLowerCase(java.util.Locale.ROOT);
        return hints.apply(project).stream().anyMatch(h -> text.contains(h.toLowerCase(java.util.Locale.ROOT)));
    }
}
