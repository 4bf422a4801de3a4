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

/** The restart tier (asked for, or escalated to when a reload cannot keep the state) and undo. */
@Timeout(60)
class AppHostRestartTest {

    private static final String APP = "demo.App";

    /**
     * An app with state type {@code type} (declared in the app with {@code types}); {@code init}
     * is the body of initialState; {@code value} is what {@code get()} returns.
     */
    private static List<ClassFile> app(String value, String type, String types, String init) {
        return app(value, type, types, init, "s.clicks++;");
    }

    /** As above, with {@code update} as the body of update. */
    private static List<ClassFile> app(String value, String type, String types, String init, String update) {
        return TestApp.named(APP).imports("dev.hotframe.app.Was").stateType(type, types).members("public static int initialStates;")
                .initialState("initialStates++;\n" + init).update(update).get("\"" + value + "\"").compile();
    }

    private static final String STATE = "public static final class State { public int clicks; public String name = \"abc\"; }";
    private static final List<ClassFile> V1 = app("v1", "State", STATE, "return new State();");

    private static AppHost started() {
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, V1).ok()).isTrue();
        return host;
    }

    private static void clicks(AppHost host, int times) {
        for (int i = 0; i < times; i++) {
            host.app().update(host.state(), 0.016);
        }
    }

    private static String value(AppHost host) {
        return ((Supplier<?>) host.app()).get().toString();
    }

    private static int initialStates(AppHost host) throws Exception {
        return host.app().getClass().getField("initialStates").getInt(null);
    }

    @Test
    void changedStateTypeEscalatesAReloadToARestartThatRestoresTheMatchingFields() throws Exception {
        AppHost host = started();
        clicks(host, 3);
        String model = STATE + " public static final class Model { public int clicks; public int level = 1; }";

        Applied applied = host.apply(Tier.RELOAD, "state type changed", app("v2", "Model", model,
                "Model m = new Model(); m.level = 2; return m;"), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RESTART,
                "the app's state type changed from demo.App$State to demo.App$Model", true, null, List.of()));
        assertThat(applied.phasesMs()).containsOnlyKeys("save", "load", "init", "migrate");
        assertThat(host.stateTree().toString()).isEqualTo("{\"clicks\":3,\"level\":2}");
        assertThat(host.keptAside()).containsOnlyKeys("name");
        assertThat(initialStates(host)).as("the new generation's initialState ran once").isEqualTo(1);
        assertThat(value(host)).isEqualTo("v2");
    }

    @Test
    void stateClassThatNoLongerExistsEscalatesToRestart() throws Exception {
        AppHost host = started();
        clicks(host, 2);

        Applied applied = host.apply(Tier.RELOAD, "state renamed", app("v2", "Model",
                "public static final class Model { @Was(\"clicks\") public int taps; public String name; }",
                "return new Model();", "s.taps++;"), List.of("demo.App$State"));

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RESTART, "the state class demo.App$State no longer exists",
                true, null, List.of()));
        assertThat(host.stateTree().toString()).isEqualTo("{\"taps\":2,\"name\":\"abc\"}");
    }

    @Test
    void stateWithoutANoArgumentConstructorEscalatesToRestartAndTheStateIsRestoredOverInitialState() throws Exception {
        AppHost host = started();
        clicks(host, 4);

        Applied applied = host.apply(Tier.RELOAD, "constructor changed", app("v2", "State",
                "public static final class State { public int clicks; public String name; State(String n) { name = n; } }",
                "return new State(\"fresh\");"), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RESTART, "the state could not be migrated: demo.App$State "
                + "has no constructor without arguments, so the state cannot be rebuilt in it", true, null, List.of()));
        assertThat(host.stateTree().toString()).isEqualTo("{\"clicks\":4,\"name\":\"abc\"}");
    }

    @Test
    void restartAskedForRunsInitialStateAgainAndKeepsTheStateOverIt() throws Exception {
        AppHost host = started();
        clicks(host, 5);
        String state = "public static final class State { public int clicks; public String name = \"abc\"; public int seed; }";

        Applied applied = host.apply(Tier.RESTART, "initialState changed", app("v2", "State", state,
                "State s = new State(); s.seed = 99; s.clicks = -1; return s;"), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RESTART, "initialState changed", true, null, List.of()));
        assertThat(host.stateTree().toString()).isEqualTo("{\"clicks\":5,\"name\":\"abc\",\"seed\":99}");
        assertThat(host.generation()).isEqualTo(2);
        assertThat(initialStates(host)).isEqualTo(1);
    }

    @Test
    void restartOfARecordStateTakesNewComponentsFromInitialState() throws Exception {
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        host.start(APP, app("v1", "Rec", "public record Rec(int clicks, String name) { }", "return new Rec(4, \"abc\");", ""));

        Applied applied = host.apply(Tier.RESTART, "record grew", app("v2", "Rec", "public record Rec(int clicks, int seed) { }",
                "return new Rec(0, 99);", ""), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RESTART, "record grew", true, null, List.of()));
        assertThat(host.stateTree().toString()).isEqualTo("{\"clicks\":4,\"seed\":99}");
        assertThat(host.keptAside()).containsOnlyKeys("name");
    }

    @Test
    void restartWithoutNewCodeReCreatesTheAppFromTheSameClasses() throws Exception {
        AppHost host = started();
        clicks(host, 2);

        Applied applied = host.restart("restart key");

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RESTART, "restart key", true, null, List.of()));
        assertThat(host.generation()).isEqualTo(2);
        assertThat(host.stateTree().toString()).isEqualTo("{\"clicks\":2,\"name\":\"abc\"}");
    }

    @Test
    void restartWhoseInitialStateThrowsFailsAndKeepsTheOldAppAndState() {
        AppHost host = started();
        clicks(host, 1);
        Object state = host.state();

        Applied applied = host.apply(Tier.RESTART, "initialState changed", app("v2", "State", STATE,
                "throw new IllegalStateException(\"no init\");"), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RESTART, "initialState changed", false,
                "initialState() failed: IllegalStateException: no init (at demo.App.initialState(App.java:15))", List.of()));
        assertThat(host.state()).isSameAs(state);
        assertThat(value(host)).isEqualTo("v1");
    }

    @Test
    void snapshotWithAnotherAppClassRestartsIntoIt() throws Exception {
        AppHost host = started();
        clicks(host, 3);
        List<ClassFile> other = TestCompiler.compile("""
                package demo;

                import dev.hotframe.app.Frame;
                import dev.hotframe.app.HotframeApp;

                public final class Other implements HotframeApp<Other.State> {
                    public static final class State { public int clicks; public boolean other = true; }
                    public State initialState() { return new State(); }
                    public void render(State s, Frame f) { }
                }
                """);

        Applied applied = host.start("demo.Other", other);

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RESTART, "the app class changed from demo.App to demo.Other",
                true, null, List.of()));
        assertThat(host.stateTree().toString()).isEqualTo("{\"clicks\":3,\"other\":true}");
    }

    @Test
    void undoRestoresTheCodeAndTheExactStateOfThePreviousGenerationAfterEachKindOfChange() throws Exception {
        List<String> shapes = List.of(
                "public static final class State { public int clicks; public String name = \"abc\"; public int added = 5; }",
                "public static final class State { public int clicks; }",
                "public static final class State { @Was(\"clicks\") public int taps; public String name; }",
                "public static final class State { public int clicks; public int name = 7; }");
        for (String shape : shapes) {
            AppHost host = started();
            clicks(host, 3);
            String before = host.stateTree().toString();
            List<ClassFile> next = app("v2", "State", shape, "return new State();", "");
            assertThat(host.apply(Tier.RELOAD, "changed", next, List.of()).ok()).isTrue();

            Applied undone = host.rollback();

            assertThat(undone.withoutPhases()).as(shape).isEqualTo(new Applied(Tier.UNDO, "back to the code and state of generation 1",
                    true, null, List.of()));
            assertThat(host.stateTree().toString()).as(shape).isEqualTo(before);
            assertThat(value(host)).isEqualTo("v1");
            assertThat(host.generation()).isEqualTo(3);
        }
    }

    @Test
    void undoAfterARedefineBringsBackTheOldMethodBodyAndTheNextUpdateReloadsTheServersCode() {
        AppHost host = started();
        clicks(host, 2);
        host.apply(Tier.REDEFINE, "method body changed", app("v2", "State", STATE, "return new State();"), List.of());
        clicks(host, 1);

        Applied undone = host.rollback();
        String afterUndo = value(host);
        Applied next = host.apply(Tier.REDEFINE, "method body changed", app("v3", "State", STATE, "return new State();"), List.of());

        assertThat(undone.ok()).isTrue();
        assertThat(afterUndo).isEqualTo("v1");
        assertThat(host.stateTree().toString()).as("the state as it was when v2 came").isEqualTo("{\"clicks\":2,\"name\":\"abc\"}");
        assertThat(next.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD,
                "method body changed (after an undo)", true, null, List.of()));
        assertThat(value(host)).isEqualTo("v3");
    }

    @Test
    void undoKeepsThreeGenerationsAndThenHasNothingLeft() {
        AppHost host = started();
        for (int i = 2; i <= 5; i++) {
            assertThat(host.apply(Tier.RELOAD, "r" + i, app("v" + i, "State", STATE, "return new State();"), List.of()).ok()).isTrue();
        }

        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThat(host.rollback().ok()).isTrue();
            values.add(value(host));
        }
        Applied nothing = host.rollback();

        assertThat(values).isEqualTo(List.of("v4", "v3", "v2"));
        assertThat(nothing.withoutPhases()).isEqualTo(new Applied(Tier.UNDO, "nothing to undo", false,
                "no earlier generation is kept", List.of()));
    }
}
