package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotframe.viewer.testkit.TestApp;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Tier;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Threads that real app code starts (itself, through an executor, through a {@code Timer}) are
 * named after each reload that leaves them running, with the app line that started them; an app
 * that stops them in {@code onUnload} gets no warning and its old generation is collected; a
 * failing {@code onUnload} is reported and the reload happens all the same.
 */
@Timeout(120)
class LeftThreadsTest {

    private static final String APP = "demo.App";
    /** A thread that sleeps until it is interrupted. */
    private static final String TICKER = "new Thread(() -> { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }, \"ticker\")";

    @AfterEach
    void stopWhatTheAppsLeft() {
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("ticker") || t.getName().startsWith("pool-") || t.getName().equals("app-timer"))
                .forEach(Thread::interrupt);
    }

    /** Version {@code n} of an app whose constructor starts a thread with {@code start}; a field per version makes each a reload. */
    private static TestApp app(int n, String constructor, String members) {
        return TestApp.named(APP).state("public int v" + n + ";").members(members).constructor(constructor).get("\"v" + n + "\"");
    }

    /** The line of {@code app}'s source that holds {@code text}, as a stack frame names it. */
    private static int line(TestApp app, String text) {
        List<String> lines = app.source().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in the app");
    }

    @SuppressWarnings("unchecked")
    private static String running(AppHost host) {
        return ((Supplier<String>) (Object) host.app()).get();
    }

    @Test
    void aThreadStartedInEachGenerationIsNamedOnceAfterEachOfFiveReloads() {
        String constructor = "Thread t = " + TICKER + ";\n    t.setDaemon(true);\n    t.start();";
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, app(0, constructor, "").compile()).ok()).isTrue();
        int startLine = line(app(0, constructor, ""), "t.start();");

        for (int n = 1; n <= 5; n++) {
            Applied applied = host.apply(Tier.RELOAD, "v" + n, app(n, constructor, "").compile(), List.of());

            assertThat(applied.ok()).as("%s", applied).isTrue();
            assertThat(applied.tier()).isEqualTo(Tier.RELOAD);
            assertThat(applied.warnings()).containsExactly("thread 'ticker' started at demo.App.<init>(App.java:" + startLine
                    + ") is still running after the reload; it keeps generation " + n + "'s classes alive. Stop it in onUnload.");
        }
        assertThat(running(host)).isEqualTo("v5");
        // Five generations that the app no longer runs stay in memory: their threads hold them.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(host.leakedGenerations()).isEqualTo(5));
    }

    @Test
    void manyThreadsOfOneNameStartedAtOnePlaceAreOneLineWithTheirCount() {
        String constructor = "for (int i = 0; i < 30; i++) {\n        Thread t = " + TICKER + ";\n        t.setDaemon(true);\n"
                + "        t.start();\n    }";
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, app(0, constructor, "").compile()).ok()).isTrue();
        int startLine = line(app(0, constructor, ""), "t.start();");

        Applied applied = host.apply(Tier.RELOAD, "v1", app(1, "", "").compile(), List.of());

        assertThat(applied.warnings()).containsExactly("30 threads 'ticker' started at demo.App.<init>(App.java:" + startLine
                + ") are still running after the reload; they keep generation 1's classes alive. Stop them in onUnload.");
    }

    @Test
    void threadsOfAnExecutorAndATimerTheAppCreatedAreNamedWithTheAppLineThatCreatedThem() {
        String members = "final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();\n"
                + "final java.util.Timer timer = new java.util.Timer(\"app-timer\", true);";
        String constructor = "pool.submit(() -> { });";
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, app(0, constructor, members).compile()).ok()).isTrue();

        Applied applied = host.apply(Tier.RELOAD, "v1", app(1, "", "").compile(), List.of());

        assertThat(applied.ok()).as("%s", applied).isTrue();
        int timerLine = line(app(0, constructor, members), "new java.util.Timer");
        int submitLine = line(app(0, constructor, members), "pool.submit");
        assertThat(applied.warnings()).hasSize(2);
        assertThat(applied.warnings().get(0)).isEqualTo("thread 'app-timer' started at demo.App.<init>(App.java:" + timerLine
                + ") is still running after the reload; it keeps generation 1's classes alive. Stop it in onUnload.");
        assertThat(applied.warnings().get(1)).matches("thread 'pool-\\d+-thread-1' started at demo\\.App\\.<init>\\(App\\.java:"
                + submitLine + "\\) is still running after the reload; it keeps generation 1's classes alive\\. Stop it in onUnload\\.");
    }

    @Test
    void anAppThatStopsItsThreadInOnUnloadGetsNoWarningAndItsOldGenerationIsCollected() {
        // onUnload only interrupts: the thread ends within the grace the viewer gives it.
        String members = "final Thread ticker = " + TICKER + ";\n\npublic void onUnload(State s) {\n    ticker.interrupt();\n}";
        String constructor = "ticker.setDaemon(true);\n    ticker.start();";
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, app(0, constructor, members).compile()).ok()).isTrue();
        List<WeakReference<ClassLoader>> old = new ArrayList<>();

        for (int n = 1; n <= 3; n++) {
            old.add(new WeakReference<>(host.app().getClass().getClassLoader()));
            Applied applied = n == 2 ? host.restart("restart") : host.apply(Tier.RELOAD, "v" + n, app(n, constructor, members).compile(),
                    List.of());

            assertThat(applied.ok()).as("%s", applied).isTrue();
            assertThat(applied.warnings()).isEmpty();
        }
        Applied undone = host.rollback();
        assertThat(undone.ok()).as("%s", undone).isTrue();
        assertThat(undone.warnings()).isEmpty();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            System.gc();
            assertThat(old.stream().map(WeakReference::get).filter(l -> l != null).map(ClassLoader::getName).toList())
                    .as("old generation loaders still reachable").isEmpty();
        });
        assertThat(host.leakedGenerations()).isZero();

        Thread ticker = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("ticker")).findFirst().orElseThrow();
        host.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> !ticker.isAlive());
    }

    @Test
    void aThreadOfNewCodeWhoseRestartFailedIsNamedAndTheOldCodeKeepsRunning() {
        String constructor = "Thread t = " + TICKER + ";\n    t.setDaemon(true);\n    t.start();";
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, app(0, "", "").compile()).ok()).isTrue();
        TestApp broken = app(1, constructor, "").initialState("throw new IllegalStateException(\"no state\");");

        Applied applied = host.apply(Tier.RESTART, "v1", broken.compile(), List.of());

        assertThat(applied.ok()).isFalse();
        assertThat(applied.warnings()).containsExactly("thread 'ticker' started at demo.App.<init>(App.java:"
                + line(broken, "t.start();") + ") is still running after its update failed; it keeps generation 2's classes alive.");
        assertThat(running(host)).isEqualTo("v0");
    }

    @Test
    void aThrowingOnUnloadIsReportedAndTheReloadStillHappens() {
        String members = "public void onUnload(State s) {\n    throw new IllegalStateException(\"cannot stop\");\n}";
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, app(0, "", members).compile()).ok()).isTrue();
        int throwLine = line(app(0, "", members), "cannot stop");

        Applied applied = host.apply(Tier.RELOAD, "v1", app(1, "", members).compile(), List.of());

        assertThat(applied.ok()).as("%s", applied).isTrue();
        assertThat(applied.warnings()).containsExactly("onUnload of generation 1 failed: IllegalStateException: cannot stop "
                + "(at demo.App.onUnload(App.java:" + throwLine + ")); the new code runs anyway");
        assertThat(running(host)).isEqualTo("v1");
    }

    @Test
    void aRunawayOnUnloadIsStoppedAndReportedAndTheReloadStillHappens() {
        String members = "public static boolean stuck = true;\n\npublic void onUnload(State s) {\n    while (stuck) {\n    }\n}";
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, app(0, "", members).compile()).ok()).isTrue();

        Applied applied = host.apply(Tier.RELOAD, "v1", app(1, "", "").compile(), List.of());

        assertThat(applied.ok()).as("%s", applied).isTrue();
        assertThat(applied.warnings()).singleElement().asString()
                .startsWith("onUnload of generation 1 failed: onUnload did not finish within 2000 ms: loop in demo.App.onUnload")
                .endsWith("; the new code runs anyway");
        assertThat(running(host)).isEqualTo("v1");
    }
}
