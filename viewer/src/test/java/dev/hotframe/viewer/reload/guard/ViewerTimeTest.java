package dev.hotframe.viewer.reload.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The viewer's own work inside a guarded call: off the call's clock, and blamed on the viewer; app code it calls back is the app's. */
@Timeout(30)
class ViewerTimeTest {

    private final Watchdog watchdog = new Watchdog(Duration.ofMillis(100));

    /** Busy for {@code ms} in code without fuel checks, where only the clock can tell. */
    private static void busy(long ms) {
        long until = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    @Test
    void timeInTheViewersWorkDoesNotCountAgainstTheCall() {
        Watchdog.Outcome inViewer = watchdog.run("render", () -> ViewerTime.viewer("drawing scene 'slow'", () -> busy(400)));
        Watchdog.Outcome inApp = watchdog.run("render", () -> busy(400));

        assertThat(inViewer).isEqualTo(new Watchdog.Returned("render", 100, false));
        assertThat(inApp).as("the same time in the call's own code").isEqualTo(new Watchdog.Returned("render", 100, true));
    }

    @Test
    void appCodeCalledBackFromTheViewersWorkIsOnTheCallsClockAgain() {
        Watchdog.Outcome outcome = watchdog.run("render", () -> ViewerTime.viewer("drawing scene 'custom'",
                () -> ViewerTime.app(() -> busy(400))));

        assertThat(outcome).isEqualTo(new Watchdog.Returned("render", 100, true));
    }

    @Test
    void aFailureOutOfTheViewersWorkNamesThatWork() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        Watchdog.Outcome outcome = watchdog.run("render", () -> ViewerTime.viewer("drawing scene 'big'", () -> {
            throw oom;
        }));

        assertThat(outcome).isEqualTo(new Watchdog.Threw("render", 100, oom, false, "drawing scene 'big'"));
    }

    @Test
    void aFailureOutOfAPainterIsTheAppsEvenInsideTheViewersWork() {
        IllegalStateException thrown = new IllegalStateException("painter broke");
        Watchdog.Outcome outcome = watchdog.run("render", () -> ViewerTime.viewer("drawing scene 'custom'",
                () -> ViewerTime.app(() -> {
                    throw thrown;
                })));

        assertThat(outcome).isEqualTo(new Watchdog.Threw("render", 100, thrown, false, null));
    }

    @Test
    void outsideAGuardedCallTheWorkJustRuns() {
        int[] ran = new int[1];
        ViewerTime.viewer("drawing scene 'headless'", () -> ViewerTime.app(() -> ran[0]++));

        assertThat(ran[0]).isEqualTo(1);
    }
}
