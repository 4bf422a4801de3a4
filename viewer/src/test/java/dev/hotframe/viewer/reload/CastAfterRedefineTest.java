package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The safety net behind the classifier (issue 17 item 2): when a redefine left objects that do
 * not hold what the new code reads, the app throws ClassCastException on every frame; the next
 * update, even a body-only one, then reloads and migrates the state, so nothing stays broken
 * until an unrelated structural edit. Real javac, real redefinition.
 */
@Timeout(120)
class CastAfterRedefineTest {

    private static final String APP = "demo.App";

    /** An app with a {@code counts} field of type {@code type}, whose update runs {@code update}. */
    private static List<ClassFile> app(String type, String update) {
        return TestCompiler.compile("""
                package demo;

                import dev.hotframe.app.Frame;
                import dev.hotframe.app.HotframeApp;
                import java.util.*;

                public final class App implements HotframeApp<App.State> {
                    public static final class State {
                        public %s counts = new LinkedHashMap<>();
                        public int frames;
                    }

                    public State initialState() {
                        return new State();
                    }

                    public void update(State s, double dt) {
                        s.frames++;
                        %s
                    }

                    public void render(State s, Frame f) {
                    }
                }
                """.formatted(type, update));
    }

    private static final String LISTS = "Map<String, List<Integer>>";
    private static final String INTEGERS = "Map<String, Integer>";
    private static final String ADD_TO_LIST =
            "List<Integer> l = s.counts.get(\"a\"); if (l == null) { l = new ArrayList<>(); s.counts.put(\"a\", l); } l.add(1);";
    private static final String SUM = "int total = 0; for (Integer n : s.counts.values()) total += n; s.counts.put(\"a\", total + 1);";

    private static Throwable update(AppHost host) {
        Throwable failure = catchThrowable(() -> host.app().update(host.state(), 0.1));
        if (failure != null) {
            host.appThrew(failure);
        }
        return failure;
    }

    private static AppHost brokenByARedefine() {
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, app(LISTS, ADD_TO_LIST)).ok()).isTrue();
        assertThat(update(host)).isNull();
        Applied redefined = host.apply(Tier.REDEFINE, "method bodies changed in App", app(INTEGERS, SUM), List.of());
        assertThat(redefined.ok()).isTrue();
        assertThat(redefined.tier()).isEqualTo(Tier.REDEFINE);
        assertThat(update(host)).isInstanceOf(ClassCastException.class);
        return host;
    }

    @Test
    void bodyOnlyEditAfterAClassCastExceptionReloadsAndTheAppRunsAgain() {
        AppHost host = brokenByARedefine();

        Applied next = host.apply(Tier.REDEFINE, "method bodies changed in App", app(INTEGERS, SUM + " s.frames += 100;"), List.of())
                .withoutPhases();

        assertThat(next).isEqualTo(new Applied(Tier.RELOAD,
                "method bodies changed in App (the app threw ClassCastException after a redefine)", true, null, List.of(
                "state field 'counts' was reset: its old value does not fit the new type "
                        + "(Cannot deserialize value of type `java.lang.Integer` from Array value (token `JsonToken.START_ARRAY`))")));
        assertThat(update(host)).isNull();
        assertThat(host.stateTree().toString()).isEqualTo("{\"counts\":{\"a\":1},\"frames\":103}");
    }

    @Test
    void exceptionsOtherThanACastLeaveRedefinesAsTheyAre() {
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, app(INTEGERS, "")).ok()).isTrue();
        assertThat(host.apply(Tier.REDEFINE, "method bodies changed in App", app(INTEGERS, "throw new IllegalStateException(\"no\");"),
                List.of()).ok()).isTrue();
        assertThat(update(host)).isInstanceOf(IllegalStateException.class);

        Applied next = host.apply(Tier.REDEFINE, "method bodies changed in App", app(INTEGERS, "s.frames += 10;"), List.of());

        assertThat(next.tier()).isEqualTo(Tier.REDEFINE);
        assertThat(next.reason()).isEqualTo("method bodies changed in App");
    }

    @Test
    void castFailureInCodeThatWasNeverRedefinedDoesNotForceAReload() {
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, app("Map<String, Object>", "s.counts.put(\"a\", \"x\"); Integer n = (Integer) s.counts.get(\"a\");"))
                .ok()).isTrue();
        assertThat(update(host)).isInstanceOf(ClassCastException.class);

        Applied next = host.apply(Tier.REDEFINE, "method bodies changed in App", app("Map<String, Object>", "s.frames += 10;"), List.of());

        assertThat(next.tier()).isEqualTo(Tier.REDEFINE);
    }
}
