package dev.hotframe.process;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl+C (SIGINT) and SIGTERM as a request to stop cleanly. The command's own stop runs and its
 * main path returns its exit code, 0 for a clean stop, where the JVM's default handling would
 * run the shutdown hooks and exit with 130 or 143. A second signal, or a stop that takes longer
 * than the grace period, exits at once with 128 + the signal's number.
 *
 * <p>A signal the process was started with ignored stays ignored: a shell without job control
 * starts its background jobs with SIGINT ignored, and HotSpot cannot take it back. Such a process
 * still stops cleanly on SIGTERM.
 */
public final class StopSignals {

    private static final String[] SIGNALS = {"INT", "TERM"};

    private StopSignals() {
    }

    /** Runs {@code stop} on its own thread at the first SIGINT or SIGTERM. */
    public static void install(Runnable stop, Duration grace) {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    int status = 128 + signal.getNumber();
                    if (!stopping.compareAndSet(false, true)) {
                        System.err.println("stopping now (SIG" + signal.getName() + " again)");
                        Runtime.getRuntime().halt(status);
                    }
                    Thread stopper = new Thread(() -> stopWithin(stop, grace, status), "hotframe-stop");
                    stopper.setDaemon(true);
                    stopper.start();
                });
            } catch (IllegalArgumentException e) {
                // -Xrs, or a platform without this signal: the JVM's default handling stays.
            }
        }
    }

    private static void stopWithin(Runnable stop, Duration grace, int status) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(grace.toMillis());
                System.err.println("did not stop within " + grace.toSeconds() + " s; exiting");
                Runtime.getRuntime().halt(status);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hotframe-stop-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
        stop.run();
    }
}
