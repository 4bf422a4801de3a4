package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.testkit.TestApp;
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
        return TestApp.named(APP).state("public String label;")
                .initialState(start + "\nState s = new State();\ns.label = Helper.label();\nreturn s;").compile("""
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
        return TestApp.named("demo.Pair").state("public int n;").constructor(ctor).get("Helper." + method + "()").compile("""
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
        TestApp stateless = TestApp.named("demo.Stateless").stateType("Void", "").initialState("return null;");
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        host.start("demo.Stateless", stateless.compile());

        Applied applied = host.apply(Tier.RELOAD, "field added", stateless.members("int speed = 2;").compile(), List.of());

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
