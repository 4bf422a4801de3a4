package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.testkit.TestApp;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Tier;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** New code that fails or never finishes while it loads (static initializers, constructors, initialState): the old code keeps running. */
@Timeout(60)
class LoadGuardTest {

    private static final String APP = "demo.App";

    /** {@code members} go into the app class; initialState calls Helper.label(); Helper's static block is {@code helperInit}. */
    private static List<ClassFile> app(String value, String members, String helperInit) {
        return TestApp.named(APP).state("public String label;").members(members)
                .initialState("State s = new State();\ns.label = Helper.label();\nreturn s;").get("\"" + value + "\"").compile("""
                package demo;

                public final class Helper {
                    static {
                        %s
                    }

                    static String label() {
                        return "helped";
                    }
                }
                """.formatted(helperInit));
    }

    private static AppHost host() {
        return new AppHost(RedefineAgent.instrumentation(), LoadGuardTest.class.getClassLoader(), Duration.ofMillis(300));
    }

    private static AppHost started() {
        AppHost host = host();
        assertThat(host.start(APP, app("v1", "", "")).ok()).isTrue();
        return host;
    }

    private static void assertStillV1(AppHost host, Object state) {
        assertThat(((Supplier<?>) host.app()).get()).isEqualTo("v1");
        assertThat(host.state()).isSameAs(state);
        assertThat(host.generation()).isEqualTo(1);
    }

    @Test
    void endlessLoopInAStaticInitializerIsStoppedAndTheOldGenerationKeepsRunning() {
        AppHost host = started();
        Object state = host.state();

        Applied applied = host.apply(Tier.RELOAD, "static block added", app("v2",
                "static long spins; static { while (System.nanoTime() != 0) { spins++; } }", ""), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "static block added", false,
                "the new code could not be loaded: loading App did not finish within 300 ms: loop in demo.App.<clinit> (App.java:12)",
                List.of()));
        assertStillV1(host, state);
    }

    @Test
    void brokenStaticInitializerOfAClassTheAppAlreadyUsedFailsTheUpdateAtOnce() {
        AppHost host = started();
        Object state = host.state();

        Applied applied = host.apply(Tier.RELOAD, "helper changed", app("v2", "int unused;",
                "if (Boolean.parseBoolean(\"true\")) { throw new IllegalStateException(\"bad table\"); }"), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "helper changed", false,
                "the new code could not be loaded: IllegalStateException: bad table (at demo.Helper.<clinit>(Helper.java:5))",
                List.of()));
        assertStillV1(host, state);
        Applied fixed = host.apply(Tier.RELOAD, "helper fixed", app("v3", "int unused;", ""), List.of());
        assertThat(fixed.ok()).isTrue();
        assertThat(((Supplier<?>) host.app()).get()).isEqualTo("v3");
    }

    @Test
    void systemExitInAStaticInitializerFailsTheUpdateAndTheOldGenerationKeepsRunning() {
        AppHost host = started();
        Object state = host.state();

        Applied applied = host.apply(Tier.RELOAD, "helper changed", app("v2", "int unused;", "System.exit(3);"), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "helper changed", false,
                "the new code could not be loaded: System.exit(3) refused in loading App: it would end the viewer, which hosts "
                        + "the app and keeps running (at demo.Helper.<clinit>(Helper.java:5))",
                List.of()));
        assertStillV1(host, state);
    }

    @Test
    void runawayRecursionInAConstructorIsStoppedByTheEntryChecks() {
        AppHost host = started();
        Object state = host.state();

        Applied applied = host.apply(Tier.RELOAD, "constructor added", app("v2",
                "public App() { fib(90); } static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }", ""), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "constructor added", false,
                "the new code could not be loaded: loading App did not finish within 300 ms: recursion in demo.App.fib (App.java:12)",
                List.of()));
        assertStillV1(host, state);
    }

    @Test
    void endlessLoopInInitialStateFailsTheStartAndTheNextUpdateStartsTheApp() {
        AppHost host = host();

        Applied first = host.start(APP, app("v1", "", "while (System.nanoTime() != 0) { Thread.onSpinWait(); }"));
        Applied fixed = host.apply(Tier.RELOAD, "helper fixed", app("v1", "", ""), List.of());

        assertThat(first.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "start App", false,
                "initialState did not finish within 300 ms: loop in demo.Helper.<clinit> (Helper.java:5)", List.of()));
        assertThat(fixed.ok()).isTrue();
        assertThat(host.stateTree().toString()).isEqualTo("{\"label\":\"helped\"}");
    }
}
