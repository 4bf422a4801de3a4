package dev.hotframe.viewer.reload.guard;

/**
 * Marks the viewer's own work inside a call into the app, such as drawing a scene that the app's
 * {@code render} asked for, so that the app is neither charged nor blamed for it: the call's
 * budget clock stands still while the viewer works, and a failure that comes out of that work
 * names it ({@link Watchdog.Threw#viewer()}) instead of the app's code. App code the viewer calls
 * back from there (a custom node's painter) is the app's again, clock and blame. Parts nest:
 *
 * <pre>{@code
 * ViewerTime.viewer("drawing scene 'hud'", () -> renderer.draw(...));   // in the renderer:
 * ViewerTime.app(() -> painter.paint(canvas, w, h));
 * }</pre>
 *
 * Outside a guarded call both simply run the work. The app's fuel checks never run in the
 * viewer's code, so nothing is stopped there.
 */
public final class ViewerTime {

    private ViewerTime() {
    }

    /** Runs the viewer's own {@code work}, named for a report ({@code "drawing scene 'hud'"}), off the app's clock. */
    public static void viewer(String what, Runnable work) {
        run(what, work);
    }

    /** Runs the app's {@code work} from inside the viewer's: on the app's clock, and blamed on the app. */
    public static void app(Runnable work) {
        run(null, work);
    }

    private static void run(String viewer, Runnable work) {
        GuardedRun call = Watchdog.current();
        if (call == null) {
            work.run();
            return;
        }
        call.enter(viewer, System.nanoTime());
        try {
            work.run();
        } catch (Throwable e) {
            call.blame(e, viewer);
            throw e;
        } finally {
            call.exit(System.nanoTime());
        }
    }
}
