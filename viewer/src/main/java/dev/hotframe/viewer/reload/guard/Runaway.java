package dev.hotframe.viewer.reload.guard;

/**
 * Thrown inside app code that overran its time budget, from the first fuel check after the
 * watchdog tripped it. An {@link Error}, so that the app's {@code catch (Exception e)} does not
 * swallow it; its stack trace starts at the loop or recursion that would not end.
 */
public final class Runaway extends Error {

    private static final long serialVersionUID = 1L;

    Runaway(String message) {
        super(message);
    }
}
