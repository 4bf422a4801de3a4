package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotframe.viewer.reload.guard.Watchdog;
import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Tier;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Old generations must become unreachable: after 300 structural swaps of every kind (reloads
 * that drop and bring back fields, restarts, redefines, undos, a runaway stopped by the
 * watchdog), only the running generation's class loader is alive. Undo keeps bytes and JSON,
 * not loaders.
 */
@Timeout(180)
class GenerationLeakTest {

    private static final String APP = "demo.App";
    private static final int SWAPS = 300;

    private static List<ClassFile> app(String value, String fields) {
        return TestCompiler.compile("""
                package demo;

                import dev.hotframe.app.Frame;
                import dev.hotframe.app.HotframeApp;
                import java.util.*;
                import java.util.function.Supplier;

                public final class App implements HotframeApp<App.State>, Supplier<String> {
                    static final Map<String, Integer> CACHE = new HashMap<>();

                    public static final class State {
                        public int clicks;
                        public boolean loop;
                        public List<Ball> balls = new ArrayList<>(List.of(new Ball(), new Ball()));
                        %s
                    }

                    public static final class Ball {
                        public double x = 1;
                    }

                    public State initialState() {
                        return new State();
                    }

                    public void update(State s, double dt) {
                        CACHE.merge("updates", 1, Integer::sum);
                        Runnable tick = () -> s.clicks++;
                        tick.run();
                        while (s.loop) {
                            s.balls.get(0).x++;
                        }
                    }

                    public void render(State s, Frame f) {
                    }

                    public String get() {
                        return "%s";
                    }
                }
                """.formatted(fields, value));
    }

    @Test
    void onlyTheRunningGenerationStaysReachableAfterThreeHundredSwaps() throws Exception {
        List<List<ClassFile>> versions = List.of(app("a", "public int level = 3;"), app("b", ""), app("c", ""),
                app("d", "public int level = 3; public String name = \"n\";"));
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, versions.get(0)).ok()).isTrue();
        // The real budget for ordinary frames, so that a busy machine never stops one; a short one for the runaway.
        Watchdog frames = new Watchdog(Duration.ofSeconds(2));
        Watchdog runaways = new Watchdog(Duration.ofMillis(50));
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        loaders.add(new WeakReference<>(host.app().getClass().getClassLoader()));
        int expectedClicks = 0;

        for (int i = 1; i <= SWAPS; i++) {
            assertThat(frames.run("update", () -> host.app().update(host.state(), 0.016))).isInstanceOf(Watchdog.Returned.class);
            expectedClicks++;
            host.checkpoint();
            Applied applied;
            if (i % 25 == 0) {
                applied = host.rollback();
            } else if (i % 10 == 0) {
                applied = host.restart("restart " + i);
            } else if (i % 7 == 0) {
                applied = host.apply(Tier.REDEFINE, "body " + i, i % 2 == 0 ? versions.get(1) : versions.get(2), List.of());
            } else {
                applied = host.apply(Tier.RELOAD, "shape " + i, versions.get(i % versions.size()), List.of());
            }
            assertThat(applied.ok()).as("swap %d: %s", i, applied).isTrue();
            if (i % 25 == 0) {
                expectedClicks = host.stateTree().get("clicks").intValue();
            }
            if (i == 150) {
                Object state = host.state();
                state.getClass().getField("loop").setBoolean(state, true);
                Watchdog.Outcome stopped = runaways.run("update", () -> host.app().update(state, 0.016));
                assertThat(stopped).isInstanceOf(Watchdog.Threw.class);
                assertThat(AppFailure.runaway((Watchdog.Threw) stopped)).isTrue();
                assertThat(host.restoreCheckpoint().line()).isEqualTo("the state was put back as it was before the stopped code ran");
            }
            loaders.add(new WeakReference<>(host.app().getClass().getClassLoader()));
        }

        assertThat(host.stateTree().get("clicks").intValue()).isEqualTo(expectedClicks);
        ClassLoader running = host.app().getClass().getClassLoader();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            System.gc();
            assertThat(loaders.stream().map(WeakReference::get).filter(l -> l != null && l != running).map(ClassLoader::getName)
                    .distinct().toList()).as("old generation loaders still reachable").isEmpty();
        });
        assertThat(host.generation()).isGreaterThan(250);
    }
}
