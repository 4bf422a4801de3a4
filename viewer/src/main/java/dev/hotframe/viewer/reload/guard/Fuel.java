package dev.hotframe.viewer.reload.guard;

import java.util.Arrays;

/**
 * The budget check that the app's code runs at every method entry and backward branch (the
 * viewer puts the calls in when it loads the classes; see
 * {@link dev.hotframe.viewer.reload.bytecode.FuelInjector}). It costs one volatile read while
 * nothing overran. When the {@link Watchdog} finds a call into the app past its budget, it
 * trips the calling thread, and that thread's next check throws {@link Runaway} out of the
 * loop or recursion that would not end.
 */
public final class Fuel {

    private static final StackWalker CALLER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** The tripped threads and why; copied on write, so that the check reads one field. */
    private static volatile Trip[] trips = new Trip[0];

    private record Trip(Thread thread, String why) {
    }

    /**
     * A class loader that is told when its classes start their static initializers: a generation
     * of the app, which initializes the same classes up front in the next generation. An
     * interface, so that this class, which app code calls at run time, knows nothing of generations.
     */
    public interface InitializationListener {
        void initialized(String className);
    }

    private Fuel() {
    }

    /** Called by instrumented app code; public because the app's own classes call it. */
    public static void tick() {
        Trip[] tripped = trips;
        if (tripped.length != 0) {
            check(tripped);
        }
    }

    /**
     * Called first by an app class's static initializer: a fuel check that also tells the
     * class's loader, when it is an {@link InitializationListener}, that the class was initialized.
     */
    public static void initializing() {
        Class<?> initialized = CALLER.getCallerClass();
        if (initialized.getClassLoader() instanceof InitializationListener listener) {
            listener.initialized(initialized.getName());
        }
        tick();
    }

    private static void check(Trip[] tripped) {
        Thread me = Thread.currentThread();
        for (Trip trip : tripped) {
            if (trip.thread() == me) {
                Runaway runaway = new Runaway(trip.why());
                StackTraceElement[] stack = runaway.getStackTrace();
                // Start the trace at the app's frame that looped, not in here.
                int app = 0;
                while (app < stack.length && stack[app].getClassName().equals(Fuel.class.getName())) {
                    app++;
                }
                runaway.setStackTrace(Arrays.copyOfRange(stack, app, stack.length));
                throw runaway;
            }
        }
    }

    /** Makes every later check on {@code thread} throw {@link Runaway} with {@code why}, until {@link #clear}. */
    static synchronized void trip(Thread thread, String why) {
        Trip[] next = Arrays.copyOf(trips, trips.length + 1);
        next[next.length - 1] = new Trip(thread, why);
        trips = next;
    }

    static synchronized void clear(Thread thread) {
        trips = Arrays.stream(trips).filter(trip -> trip.thread() != thread).toArray(Trip[]::new);
    }
}
