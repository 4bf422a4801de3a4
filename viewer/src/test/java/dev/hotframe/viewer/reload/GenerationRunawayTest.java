package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.reload.guard.Watchdog;
import dev.hotframe.viewer.testkit.Loops;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** App code of a generation that never returns: the watchdog stops it, and the failure names the app's loop. */
@Timeout(60)
class GenerationRunawayTest {

    @Test
    void watchdogStopsAnEndlessLoopAndNamesIt() throws Exception {
        Class<?> loops = Class.forName("demo.Loops", true, new GenerationLoader(1, Loops.classes(), getClass().getClassLoader()));
        int[] counter = new int[1];

        Watchdog.Outcome outcome = new Watchdog(Duration.ofMillis(100)).run("spin",
                () -> loops.getMethod("spin", int[].class).invoke(null, (Object) counter));

        assertThat(outcome.overran()).isTrue();
        assertThat(outcome).isInstanceOf(Watchdog.Threw.class);
        Watchdog.Threw threw = (Watchdog.Threw) outcome;
        assertThat(AppFailure.runaway(threw)).isTrue();
        assertThat(AppFailure.describe(threw)).isEqualTo("spin did not finish within 100 ms: loop in demo.Loops.spin (Loops.java:93)\n"
                + "  at demo.Loops.spin(Loops.java:93)");
        assertThat(counter[0]).isPositive();
        assertThat(new Watchdog(Duration.ofMillis(100)).run("after", () -> loops.getDeclaredConstructor().newInstance()))
                .as("the thread is no longer tripped").isInstanceOf(Watchdog.Returned.class);
    }
}
