package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.viewer.testkit.TestApp;
import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Tier;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AppHostTest {

    private static final String APP = "demo.App";
    private static final String FIELDS = "public int clicks; public String name = \"abc\";";

    /** An app whose {@code get()} returns {@code value}; its state has {@code stateFields}; {@code extra} goes into the app class. */
    private static List<ClassFile> app(String value, String stateFields, String extra) {
        return TestApp.named(APP).state(stateFields)
                .members(extra.isEmpty() ? "public static int initialStates;" : "public static int initialStates;\n\n" + extra)
                .initialState("initialStates++;\nreturn new State();").update("s.clicks++;").get("\"" + value + "\"").compile();
    }

    private static final List<ClassFile> V1 = app("v1", FIELDS, "");
    private static final List<ClassFile> V2 = app("v2", FIELDS, "");

    private static AppHost started(List<ClassFile> classes) {
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, classes).ok()).isTrue();
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

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void startCreatesTheAppAndCallsInitialStateOnce() throws Exception {
        AppHost host = new AppHost(RedefineAgent.instrumentation());

        Applied started = host.start(APP, V1);
        Object state = host.state();
        Applied again = host.start(APP, V1);

        assertThat(started.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "started App", true, null, List.of()));
        assertThat(again.withoutPhases()).isEqualTo(new Applied(Tier.SNAPSHOT, "the code is unchanged", true, null, List.of()));
        assertThat(host.app().getClass().getField("initialStates").getInt(null)).isEqualTo(1);
        assertThat(host.state()).isSameAs(state);
        assertThat(host.running()).isTrue();
        assertThat(host.generation()).isEqualTo(1);
        assertThat(host.stateTree()).isEqualTo(json("{\"clicks\": 0, \"name\": \"abc\"}"));
    }

    @Test
    void redefineKeepsTheSameStateObjectAndRunsTheNewMethodBody() {
        AppHost host = started(V1);
        clicks(host, 2);
        Object state = host.state();
        Object app = host.app();

        Applied applied = host.apply(Tier.REDEFINE, "method body changed", V2, List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.REDEFINE, "method body changed", true, null, List.of()));
        assertThat(host.state()).isSameAs(state);
        assertThat(host.app()).isSameAs(app);
        assertThat(value(host)).isEqualTo("v2");
        assertThat(host.generation()).isEqualTo(1);
    }

    @Test
    void addedFieldSentAsRedefineEscalatesToReloadBecauseTheJvmRefuses() throws Exception {
        AppHost host = started(V1);
        clicks(host, 3);

        Applied applied = host.apply(Tier.REDEFINE, "method body changed", app("v2", FIELDS + " public int level = 7;", ""), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "the JVM refused to redefine (java.lang.UnsupportedOperationException: "
                + "class redefinition failed: attempted to change the schema (add/remove fields))", true, null, List.of()));
        assertThat(host.generation()).isEqualTo(2);
        assertThat(value(host)).isEqualTo("v2");
        assertThat(host.stateTree()).isEqualTo(json("{\"clicks\": 3, \"name\": \"abc\", \"level\": 7}"));
    }

    @Test
    void reloadWithAnAddedFieldKeepsOldValuesAndInitializesTheNewOne() throws Exception {
        AppHost host = started(V1);
        clicks(host, 3);

        Applied applied = host.apply(Tier.RELOAD, "field added", app("v2", FIELDS + " public int level = 7;", ""), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "field added", true, null, List.of()));
        assertThat(host.generation()).isEqualTo(2);
        assertThat(host.stateTree()).isEqualTo(json("{\"clicks\": 3, \"name\": \"abc\", \"level\": 7}"));
        assertThat(host.state().getClass().getClassLoader()).isSameAs(host.app().getClass().getClassLoader());
    }

    @Test
    void reloadDropsARemovedFieldWithoutWarning() throws Exception {
        AppHost host = started(V1);
        clicks(host, 2);

        Applied applied = host.apply(Tier.RELOAD, "field removed", app("v1", "public int clicks;", ""), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "field removed", true, null, List.of()));
        assertThat(host.stateTree()).isEqualTo(json("{\"clicks\": 2}"));
    }

    @Test
    void reloadResetsAFieldWhoseTypeChangedAndWarnsNamingIt() throws Exception {
        AppHost host = started(V1);
        clicks(host, 4);

        Applied applied = host.apply(Tier.RELOAD, "field type changed", app("v1", "public int clicks; public int name = 9;", ""), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "field type changed", true, null, List.of(
                "state field 'name' was reset: its old value does not fit the new type "
                        + "(Cannot deserialize value of type `int` from String \"abc\": not a valid `int` value)")));
        assertThat(host.stateTree()).isEqualTo(json("{\"clicks\": 4, \"name\": 9}"));
    }

    @Test
    void constructorThatThrowsFailsTheUpdateAndKeepsTheOldAppAndState() {
        AppHost host = started(V1);
        Object state = host.state();
        Object app = host.app();

        Applied applied = host.apply(Tier.RELOAD, "constructor added", app("v2", FIELDS,
                "public App() { throw new IllegalStateException(\"constructor exploded\"); }"), List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "constructor added", false,
                "the new code could not be loaded: IllegalStateException: constructor exploded (at demo.App.<init>(App.java:14))",
                List.of()));
        assertKeptRunning(host, app, state);
    }

    @Test
    void codeThatDoesNotImplementTheAppContractFailsTheUpdateAndKeepsTheOldApp() {
        AppHost host = started(V1);
        Object state = host.state();
        Object app = host.app();

        Applied applied = host.apply(Tier.RELOAD, "app rewritten", TestCompiler.compile("package demo; public final class App { }"),
                List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD, "app rewritten", false,
                "the new code could not be loaded: IllegalStateException: demo.App does not implement dev.hotframe.app.HotframeApp",
                List.of()));
        assertKeptRunning(host, app, state);
    }

    @Test
    void classBytesThatCannotBeDefinedFailTheUpdateAndKeepTheOldApp() {
        AppHost host = started(V1);
        Object state = host.state();
        Object app = host.app();

        Applied applied = host.apply(Tier.RELOAD, "corrupt", List.of(new ClassFile(APP, new byte[] {1, 2, 3, 4})), List.of());

        assertThat(applied.ok()).isFalse();
        assertThat(applied.tier()).isEqualTo(Tier.RELOAD);
        assertThat(applied.error()).startsWith("the new code could not be loaded: ClassFormatError: ");
        assertKeptRunning(host, app, state);
    }

    private static void assertKeptRunning(AppHost host, Object app, Object state) {
        assertThat(host.app()).isSameAs(app);
        assertThat(host.state()).isSameAs(state);
        assertThat(host.generation()).isEqualTo(1);
        assertThat(value(host)).isEqualTo("v1");
        clicks(host, 1);
        assertThat(host.stateTree().get("clicks").intValue()).isEqualTo(1);
    }

    @Test
    void withoutInstrumentationARedefineBecomesAReload() throws Exception {
        AppHost host = new AppHost(null);
        host.start(APP, V1);
        clicks(host, 2);
        Object state = host.state();

        Applied applied = host.apply(Tier.REDEFINE, "method body changed", V2, List.of());

        assertThat(applied.withoutPhases()).isEqualTo(new Applied(Tier.RELOAD,
                "redefinition is not available in this JVM (start the viewer with java -jar)", true, null, List.of()));
        assertThat(host.state()).isNotSameAs(state);
        assertThat(host.generation()).isEqualTo(2);
        assertThat(value(host)).isEqualTo("v2");
        assertThat(host.stateTree()).isEqualTo(json("{\"clicks\": 2, \"name\": \"abc\"}"));
    }

    @Test
    void oldGenerationClassLoadersBecomeCollectableAfterManyReloads() {
        AppHost host = started(V1);
        List<WeakReference<ClassLoader>> old = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            old.add(new WeakReference<>(host.app().getClass().getClassLoader()));
            clicks(host, 1);
            Applied applied = host.apply(Tier.RELOAD, "reload " + i, i % 2 == 0 ? V2 : V1, List.of());
            assertThat(applied.ok()).as("reload %d: %s", i, applied).isTrue();
        }
        assertThat(host.generation()).isEqualTo(51);
        assertThat(host.stateTree().get("clicks").intValue()).isEqualTo(50);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            System.gc();
            assertThat(old.stream().filter(ref -> ref.get() != null).map(ref -> ref.get().getName()).toList())
                    .as("generation loaders still reachable").isEmpty();
        });
        assertThat(host.app().getClass().getClassLoader().getName()).isEqualTo("hotframe-generation-51");
    }
}
