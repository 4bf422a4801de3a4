package dev.hotframe.viewer.reload.guard;

/**
 * Thrown where app code calls something that would end or take over the viewer that hosts it
 * ({@code System.exit}, {@code Runtime.halt}, a shutdown hook, ...; see {@link GuardedCall}).
 * A {@link SecurityException}, which is what such calls have always thrown when refused; its
 * stack trace starts at the refused JDK method.
 */
public final class HostCallRefused extends SecurityException {

    private static final long serialVersionUID = 1L;

    private final String appFrame;

    HostCallRefused(String message, String appFrame) {
        super(message);
        this.appFrame = appFrame;
    }

    /** The app's frame that made the call, as {@code demo.App.render(App.java:8)}. */
    public String appFrame() {
        return appFrame;
    }

    /** The refusal as one line with the app's frame, for the warnings of a frame. */
    public String line() {
        return getMessage() + " (at " + appFrame + ")";
    }
}
