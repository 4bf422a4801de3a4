package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Tier;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How the host recovers from apps that do not start, and from apps with unusual state. */
@Timeout(60)
class AppHostRecoveryTest {

    private static final String APP = "demo.Helped";

    /** A two-class app: {@code demo.Helped} draws with {@code demo.Helper}; {@code start} goes into initialState. */
    private static List<ClassFile> helpedApp(String start) {
        return TestCompiler.compile("""
                package demo;

                import dev.hotframe.app.Frame;
                import dev.hotframe.app.HotframeApp;

                public final class Helped implements HotframeApp<Helped.State> {
                    public static final class State {
                        public String label;
                    }

                    public State initialState() {
                        %s
                        State s = new State();
                        s.label = Helper.label();
                        return s;
                    }

                    public void render(State s, Frame f) {
                    }
                }
                """.formatted(start), """
                package demo;

                public final class Helper {
                    public static String label() {
                        return "helped";
                    }
                }
                """);
    }

    /** An app whose {@code get()} returns {@code Helper.<method>()}; {@code ctor} is its constructor body. */
    private static List<ClassFile> supplierApp(String method, String ctor, String helperMethods) {
        return TestCompiler.compile("""
                package demo;

                import dev.hotframe.app.Frame;
                import dev.hotframe.app.HotframeApp;
                import java.util.function.Supplier;

                public final class Pair implements HotframeApp<Pair.State>, Supplier<String> {
                    public static final class State {
                        public int n;
                    }

                    public Pair() {
                        %s
                    }

                    public State initialState() {
                        return new State();
                    }

                    public void render(State s, Frame f) {
                    }

                    public String get() {
                        return Helper.%s();
                    }
                }
                """.formatted(ctor, method), """
                package demo;

                public final class Helper {
                    %s
                }
                """.formatted(helperMethods));
    }

    @Test
    void appThatFailsToStartStartsOnceTheFixArrives() throws Exception {
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        List<ClassFile> broken = helpedApp("if (!Helper.label().isEmpty()) throw new IllegalStateException(\"not yet\");");

        Applied first = host.start(APP, broken);
        boolean runningAfterFirst = host.running();
        Applied fixed = host.apply(Tier.RELOAD, "initialState fixed", TestCompiler.only(helpedApp(""), APP), List.of());

        assertThat(first.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "start Helped", false, "IllegalStateException: not yet (at demo.Helped.initialState(Helped.java:12))", List.of()));
        assertThat(runningAfterFirst).isFalse();
        assertThat(fixed.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "started Helped", true, null, List.of()));
        assertThat(host.stateTree().toString()).isEqualTo("{\"label\":\"helped\"}");
    }

    @Test
    void appWithoutStateCanBeReloaded() {
        String source = """
                package demo;

                import dev.hotframe.app.Frame;
                import dev.hotframe.app.HotframeApp;

                public final class Stateless implements HotframeApp<Void> {
                    %s

                    public Void initialState() {
                        return null;
                    }

                    public void render(Void s, Frame f) {
                    }
                }
                """;
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        host.start("demo.Stateless", TestCompiler.compile(source.formatted("")));

        Applied applied = host.apply(Tier.RELOAD, "field added", TestCompiler.compile(source.formatted("int speed = 2;")), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "field added", true, null, List.of()));
        assertThat(host.generation()).isEqualTo(2);
        assertThat(host.state()).isNull();
    }

    @Test
    void classesOfAFailedReloadAreNotLostWhenTheNextUpdateFixesOnlyOneOfThem() {
        String one = "public static String one() { return \"one\"; }";
        String two = "public static String two() { return \"two\"; }";
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        host.start("demo.Pair", supplierApp("one", "", one));

        Applied broken = host.apply(Tier.RELOAD, "method added", supplierApp("two",
                "if (Helper.n() > 0) throw new IllegalStateException(\"half done\");", one + two + " static int n() { return 1; }"),
                List.of());
        Applied fixed = host.apply(Tier.RELOAD, "constructor fixed",
                TestCompiler.only(supplierApp("two", "", one + two), "demo.Pair"), List.of());

        assertThat(broken.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "method added", false,
                "the new code could not be loaded: IllegalStateException: half done (at demo.Pair.<init>(Pair.java:13))", List.of()));
        assertThat(fixed.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "constructor fixed (after an earlier update failed to apply)", true,
                null, List.of()));
        assertThat(((Supplier<?>) host.app()).get()).isEqualTo("two");
    }
}
