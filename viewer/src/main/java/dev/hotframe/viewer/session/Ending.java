package dev.hotframe.viewer.session;

/**
 * How a viewer session ended, with what to tell the user ({@code problem}, null when there is
 * nothing to say); the command line turns the reason into its exit code.
 */
public record Ending(Reason reason, String problem) {

    /** Why the session ended. */
    public enum Reason {
        /** Closed by the user or a signal, or {@code --exit-after} reached with every update applied. */
        CLOSED,
        /** {@code --exit-after} reached, and an update failed to build or apply. */
        UPDATE_FAILED,
        /** The dev server refused this viewer (token, version, pin) and retrying cannot help. */
        REFUSED,
        /** A frame did not match its golden frame. */
        FRAMES_DIFFER
    }
}
