package dev.hotframe.viewer.reload;

/** What replacing the running app's state with an edited tree did ({@link AppHost#replaceState}). */
public sealed interface StateReplacement {

    /** The edited state is the app's state now. */
    record Replaced() implements StateReplacement {
    }

    /** The edit was refused, and why; the state is unchanged. */
    record Refused(String why) implements StateReplacement {
    }
}
