package dev.hotframe.bench.drill;

/** What a hostile edit makes of a project: a change to apply, or the reason it does not apply to this project. */
sealed interface Prepared {

    /** The change, ready to apply. */
    record Ready(FileChange change) implements Prepared {
    }

    /** Not applicable here, with the reason the table shows ({@code could not find render(...) in App.java}). */
    record Skipped(String reason) implements Prepared {
    }
}
