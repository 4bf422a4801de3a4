package dev.hotframe.viewer.reload.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotframe.viewer.testkit.ChildFirstLoader;
import dev.hotframe.viewer.testkit.Loops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fuel checks at run time: a tripped thread stops where it loops. */
@Timeout(60)
class FuelTest {

    @Test
    void trippedThreadThrowsRunawayFromInsideTheLoop() throws Exception {
        Class<?> loops = Class.forName("demo.Loops", true, new ChildFirstLoader(Loops.classes(), true));
        int[] counter = new int[1];

        Fuel.trip(Thread.currentThread(), "spin did not finish within 1 ms");
        try {
            assertThatThrownBy(() -> {
                try {
                    loops.getMethod("spin", int[].class).invoke(null, (Object) counter);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            }).isInstanceOf(Runaway.class).hasMessage("spin did not finish within 1 ms")
                    .satisfies(e -> assertThat(e.getStackTrace()[0].getMethodName()).isEqualTo("spin"));
        } finally {
            Fuel.clear(Thread.currentThread());
        }
    }
}
