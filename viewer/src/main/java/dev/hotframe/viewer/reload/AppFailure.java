package dev.hotframe.viewer.reload;

import dev.hotframe.viewer.reload.guard.HostCallRefused;
import dev.hotframe.viewer.reload.guard.Runaway;
import dev.hotframe.viewer.reload.guard.Watchdog;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes a failure of the app's code, or of the viewer's work the app asked for (drawing a
 * scene), for the overlay and the update log: what failed, in
 * which phase, and the stack frames that belong to the app (file:line), without the viewer's.
 */
public final class AppFailure {

    private static final int FRAMES_SHOWN = 5;

    private AppFailure() {
    }

    /** The text for a guarded call that threw. */
    public static String describe(Watchdog.Threw outcome) {
        Throwable failure = unwrap(outcome.failure());
        List<StackTraceElement> frames = appFrames(failure);
        StringBuilder text = new StringBuilder();
        if (outcome.viewer() != null) {
            text.append(outcome.what()).append(" failed while the viewer was ").append(outcome.viewer()).append(": ")
                    .append(failure.getClass().getName());
            if (failure.getMessage() != null) {
                text.append(": ").append(failure.getMessage());
            }
        } else if (failure instanceof Runaway) {
            text.append(failure.getMessage());
            if (!frames.isEmpty()) {
                StackTraceElement top = frames.get(0);
                text.append(": ").append(repeats(frames, top) ? "recursion in " : "loop in ")
                        .append(top.getClassName()).append('.').append(top.getMethodName())
                        .append(" (").append(top.getFileName()).append(':').append(top.getLineNumber()).append(')');
            }
        } else if (failure instanceof HostCallRefused) {
            text.append(failure.getMessage());
        } else {
            if (outcome.overran()) {
                text.append(outcome.what()).append(" did not finish within ").append(outcome.budgetMs())
                        .append(" ms and was interrupted: ");
            }
            text.append(failure.getClass().getName()).append(" in ").append(outcome.what());
            if (failure.getMessage() != null) {
                text.append(": ").append(failure.getMessage());
            }
        }
        frames.stream().limit(FRAMES_SHOWN).forEach(frame -> text.append("\n  at ").append(frame(frame)));
        return text.toString();
    }

    /** True when the failure was a runaway (stopped by the watchdog), not an ordinary exception. */
    public static boolean runaway(Watchdog.Threw outcome) {
        return unwrap(outcome.failure()) instanceof Runaway || outcome.overran();
    }

    /** A failed guarded call as one readable line: the exception that matters and the app frame it came from. */
    static String oneLine(Watchdog.Threw outcome) {
        if (runaway(outcome)) {
            return describe(outcome).lines().findFirst().orElse("");
        }
        Throwable root = unwrap(outcome.failure());
        String text = root instanceof HostCallRefused ? root.getMessage()
                : root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        List<StackTraceElement> frames = appFrames(root);
        return frames.isEmpty() ? text : text + " (at " + frame(frames.get(0)) + ")";
    }

    /**
     * The static initializer that failed or ran away in this failure, as {@code demo.Table}, or
     * null: a class whose initializer failed cannot be used again in its generation.
     */
    public static String failedInitializer(Throwable failure) {
        for (Throwable at = failure; at != null; at = at.getCause()) {
            if (at instanceof NoClassDefFoundError && at.getMessage() != null && at.getMessage().startsWith("Could not initialize class ")) {
                return at.getMessage().substring("Could not initialize class ".length());
            }
            if (at instanceof ExceptionInInitializerError || at instanceof Runaway) {
                for (StackTraceElement frame : appFrames(at.getCause() != null ? at.getCause() : at)) {
                    if (frame.getMethodName().equals("<clinit>")) {
                        return frame.getClassName();
                    }
                }
            }
        }
        return null;
    }

    /** A reflective call's wrapper and a static initializer's wrapper say less than what they wrap. */
    static Throwable unwrap(Throwable failure) {
        Throwable at = failure;
        while (at instanceof InvocationTargetException && at.getCause() != null
                || at instanceof ExceptionInInitializerError && at.getCause() != null) {
            at = at.getCause();
        }
        return at;
    }

    /** A frame as {@code demo.App.render(App.java:24)}: without the loader name that {@link StackTraceElement#toString()} adds. */
    static String frame(StackTraceElement frame) {
        return frame.getClassName() + '.' + frame.getMethodName() + '(' + frame.getFileName() + ':' + frame.getLineNumber() + ')';
    }

    /** The frames of classes defined by an app generation, innermost first. */
    static List<StackTraceElement> appFrames(Throwable failure) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (StackTraceElement frame : failure.getStackTrace()) {
            String loader = frame.getClassLoaderName();
            if (loader != null && loader.startsWith(GenerationLoader.NAME_PREFIX)) {
                frames.add(frame);
            }
        }
        return frames;
    }

    /** Whether {@code top}'s method appears three times or more among the innermost frames: recursion, not a loop. */
    private static boolean repeats(List<StackTraceElement> frames, StackTraceElement top) {
        Map<String, Integer> counts = new HashMap<>();
        for (StackTraceElement frame : frames.subList(0, Math.min(frames.size(), 64))) {
            counts.merge(frame.getClassName() + '.' + frame.getMethodName(), 1, Integer::sum);
        }
        return counts.getOrDefault(top.getClassName() + '.' + top.getMethodName(), 0) >= 3;
    }
}
