package dev.hotframe.viewer.reload;

/** What putting back the last checkpoint did after app code was stopped half way ({@link AppHost#restoreCheckpoint}). */
public sealed interface CheckpointRestore {

    /** What happened to the state, as a line for the user. */
    String line();

    /** The state is as it was at the last checkpoint. */
    record Restored() implements CheckpointRestore {
        @Override
        public String line() {
            return "the state was put back as it was before the stopped code ran";
        }
    }

    /** The state stays as the stopped code left it, and why. */
    record NotRestored(String why) implements CheckpointRestore {
        @Override
        public String line() {
            return "the state stays as the stopped code left it: " + why;
        }
    }

    /** No app runs, or its state is null: nothing was touched. */
    record NoState() implements CheckpointRestore {
        @Override
        public String line() {
            return "there is no state to put back";
        }
    }
}
