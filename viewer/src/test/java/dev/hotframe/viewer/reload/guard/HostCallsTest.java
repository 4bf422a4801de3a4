package dev.hotframe.viewer.reload.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.RedefineAgent;
import dev.hotframe.viewer.testkit.ChildFirstLoader;
import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.wire.ClassFile;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real app code, compiled by javac and loaded by a loader named like a generation's, calls what
 * would end or take over the JVM; every such call is refused with its name and the app's line,
 * and this JVM (the viewer's stand-in) keeps running. The viewer's own code still calls them.
 */
@Timeout(60)
class HostCallsTest {

    private static final String ENDS = "it would end the viewer, which hosts the app and keeps running";
    /** The line numbers of the calls are in the assertions: keep them in step. */
    private static final String APP = """
            package demo;
            import java.lang.invoke.MethodHandles;
            import java.lang.invoke.MethodType;
            import java.util.function.IntConsumer;
            import java.util.stream.IntStream;
            public final class Hostile {
                public static void exit() { System.exit(3); }
                public static void halt() { Runtime.getRuntime().halt(1); }
                public static void reflect() throws Exception { System.class.getMethod("exit", int.class).invoke(null, 4); }
                public static void handle() throws Throwable {
                    MethodHandles.lookup().findStatic(Runtime.class, "getRuntime", MethodType.methodType(Runtime.class)).invoke(); Runtime r = Runtime.getRuntime();
                    MethodHandles.lookup().findVirtual(Runtime.class, "exit", MethodType.methodType(void.class, int.class)).invoke(r, 5); }
                public static void stream() { IntStream.of(6).forEach(System::exit); }
                public static String caught() { try { System.exit(9); return "exited"; } catch (SecurityException e) { return "caught"; } }
                public static void onThread() throws Exception {
                    Thread t = new Thread(() -> System.exit(8), "ticker"); t.start(); t.join(); }
                public static void hook() { Runtime.getRuntime().addShutdownHook(new Thread(() -> { }, "app-hook")); }
                public static void handler() { Thread.setDefaultUncaughtExceptionHandler((t, e) -> { }); }
                public static void out() { System.setOut(new java.io.PrintStream(new java.io.ByteArrayOutputStream())); }
                public static void raise() { sun.misc.Signal.raise(new sun.misc.Signal("TERM")); }
                public static void trap() { sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> { }); }
                public static void stop(Thread viewer) throws Exception { Thread.class.getMethod("stop").invoke(viewer); }
                public static IntConsumer exiter() { return System::exit; }
            }
            """;
    private static final String LIBRARY = """
            package lib;
            public final class Quitter {
                public static void quit() {
                    System.exit(7);
                }
            }
            """;

    private static Class<?> app;
    private static Class<?> library;
    private static GateInstaller.Installed installed;

    @BeforeAll
    static void load() throws Exception {
        // The viewer installs the gate with its first AppHost, telling it which loaders are the app's
        // (by name: the generations' and the app libraries'); later installs return the first outcome.
        new AppHost(RedefineAgent.instrumentation());
        installed = HostCalls.install(RedefineAgent.instrumentation(), loader -> false);
        app = new ChildFirstLoader("hotframe-generation-host-calls", classes(APP), true).loadClass("demo.Hostile");
        library = new ChildFirstLoader("hotframe-libraries-host-calls", classes(LIBRARY), false).loadClass("lib.Quitter");
    }

    @BeforeEach
    void forgetEarlierRefusals() {
        HostCalls.drainRefused();
    }

    private static Map<String, byte[]> classes(String source) {
        return TestCompiler.compile(source).stream().collect(Collectors.toMap(ClassFile::name, ClassFile::bytes));
    }

    /** Runs {@code method} of the app as the frame loop runs {@code render}; returns what it threw (unwrapped) or null. */
    private static Throwable render(Class<?> owner, String method, Object... args) {
        Watchdog.Outcome outcome = new Watchdog(Duration.ofSeconds(20)).run("render", () -> {
            try {
                Class<?>[] types = args.length == 0 ? new Class<?>[0] : new Class<?>[] {Thread.class};
                owner.getMethod(method, types).invoke(null, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        Throwable thrown = outcome instanceof Watchdog.Threw threw ? threw.failure() : null;
        while (thrown instanceof InvocationTargetException && thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        return thrown;
    }

    private static void assertRefused(Throwable thrown, String message, String appFrame) {
        assertThat(thrown).isInstanceOf(HostCallRefused.class).hasMessage(message);
        assertThat(((HostCallRefused) thrown).appFrame()).isEqualTo(appFrame);
        assertThat(HostCalls.drainRefused()).containsExactly((HostCallRefused) thrown);
    }

    @Test
    void theGateIsInEveryGuardedCallThisJdkHas() {
        assertThat(installed).isInstanceOf(GateInstaller.Guarded.class);
        assertThat(((GateInstaller.Guarded) installed).calls()).contains(GuardedCall.RUNTIME_EXIT, GuardedCall.RUNTIME_HALT,
                GuardedCall.ADD_SHUTDOWN_HOOK, GuardedCall.SET_DEFAULT_HANDLER, GuardedCall.SET_OUT, GuardedCall.SET_ERR,
                GuardedCall.SET_SECURITY_MANAGER, GuardedCall.SIGNAL_RAISE, GuardedCall.SIGNAL_HANDLE);
    }

    @Test
    void systemExitInRenderIsRefusedWithTheCallAndTheAppLine() {
        Throwable thrown = render(app, "exit");

        assertRefused(thrown, "System.exit(3) refused in render: " + ENDS, "demo.Hostile.exit(Hostile.java:7)");
        assertThat(thrown.getStackTrace()[0].getClassName()).as("the trace starts at the refused call").isEqualTo("java.lang.Runtime");
    }

    @Test
    void runtimeHaltIsRefused() {
        assertRefused(render(app, "halt"), "Runtime.halt(1) refused in render: " + ENDS, "demo.Hostile.halt(Hostile.java:8)");
    }

    @Test
    void exitThroughReflectionIsRefused() {
        assertRefused(render(app, "reflect"), "System.exit(4) refused in render: " + ENDS, "demo.Hostile.reflect(Hostile.java:9)");
    }

    @Test
    void exitThroughAMethodHandleIsRefused() {
        assertRefused(render(app, "handle"), "Runtime.exit(5) refused in render: " + ENDS, "demo.Hostile.handle(Hostile.java:12)");
    }

    @Test
    void exitThroughAMethodReferenceRunByTheJdkIsRefused() {
        Throwable thrown = render(app, "stream");

        assertThat(thrown).isInstanceOf(HostCallRefused.class).hasMessage("System.exit(6) refused in render: " + ENDS);
        assertThat(((HostCallRefused) thrown).appFrame()).startsWith("demo.Hostile$$Lambda");
    }

    @Test
    void exitInALibraryTheAppUsesIsRefused() {
        assertRefused(render(library, "quit"), "System.exit(7) refused in render: " + ENDS, "lib.Quitter.quit(Quitter.java:4)");
    }

    @Test
    void exitOnAThreadTheAppStartedIsRefusedAndKeptForTheViewerToShow() {
        assertThat(render(app, "onThread")).as("the app's render itself returned").isNull();

        List<HostCallRefused> kept = HostCalls.drainRefused();
        assertThat(kept).extracting(HostCallRefused::line).containsExactly(
                "System.exit(8) refused on thread \"ticker\": " + ENDS + " (at demo.Hostile.lambda$onThread$0(Hostile.java:16))");
    }

    @Test
    void aRefusalTheAppCatchesIsStillKept() throws Exception {
        Object[] result = new Object[1];
        new Watchdog(Duration.ofSeconds(20)).run("update", () -> result[0] = app.getMethod("caught").invoke(null));

        assertThat(result[0]).isEqualTo("caught");
        assertThat(HostCalls.drainRefused()).extracting(HostCallRefused::line).containsExactly(
                "System.exit(9) refused in update: " + ENDS + " (at demo.Hostile.caught(Hostile.java:14))");
    }

    @Test
    void exitThroughACallbackTheAppHandsTheViewerIsRefused() throws Exception {
        IntConsumer exiter = (IntConsumer) app.getMethod("exiter").invoke(null);

        Watchdog.Outcome outcome = new Watchdog(Duration.ofSeconds(20)).run("onInput", () -> exiter.accept(2));

        assertThat(((Watchdog.Threw) outcome).failure()).isInstanceOf(HostCallRefused.class)
                .hasMessage("System.exit(2) refused in onInput: " + ENDS);
    }

    @Test
    void shutdownHooksUncaughtHandlersAndTheConsoleStayTheViewers() {
        PrintStream out = System.out;

        assertRefused(render(app, "hook"), "Runtime.addShutdownHook() refused in render: shutdown hooks belong to the viewer; "
                + "the app's code is replaced long before the viewer exits", "demo.Hostile.hook(Hostile.java:17)");
        assertRefused(render(app, "handler"), "Thread.setDefaultUncaughtExceptionHandler() refused in render: it would take over "
                + "how the viewer's own threads report their failures", "demo.Hostile.handler(Hostile.java:18)");
        assertRefused(render(app, "out"), "System.setOut() refused in render: it would take over the viewer's terminal output",
                "demo.Hostile.out(Hostile.java:19)");
        assertThat(System.out).isSameAs(out);
        assertThat(Thread.getDefaultUncaughtExceptionHandler()).isNull();
    }

    @Test
    void signalsCannotBeRaisedOrTakenOver() {
        assertRefused(render(app, "raise"), "Signal.raise(SIGTERM) refused in render: it would end or interrupt the viewer, "
                + "which hosts the app and keeps running", "demo.Hostile.raise(Hostile.java:20)");
        assertRefused(render(app, "trap"), "Signal.handle(SIGINT) refused in render: it would take over the viewer's signal "
                + "handling (Ctrl+C)", "demo.Hostile.trap(Hostile.java:21)");
    }

    @Test
    void theViewersThreadsCannotBeStopped() throws Exception {
        Thread viewer = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "viewer-worker");
        viewer.start();
        try {
            Throwable thrown = render(app, "stop", viewer);

            if (thrown instanceof NoSuchMethodException) {
                assertThat(Runtime.version().feature()).as("only recent JDKs lack Thread.stop").isGreaterThanOrEqualTo(23);
            } else {
                assertRefused(thrown, "Thread.stop() of thread \"viewer-worker\" refused in render: it could stop the viewer's own "
                        + "threads in the middle of their work", "demo.Hostile.stop(Hostile.java:22)");
            }
            assertThat(viewer.isAlive()).isTrue();
        } finally {
            viewer.interrupt();
            viewer.join();
        }
    }

    @Test
    void theViewersOwnCodeStillCallsThem() {
        Thread hook = new Thread(() -> { }, "viewer-hook");
        Runtime.getRuntime().addShutdownHook(hook);
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isTrue();
        PrintStream out = System.out;
        System.setOut(out);

        assertThat(HostCalls.drainRefused()).isEmpty();
    }
}
