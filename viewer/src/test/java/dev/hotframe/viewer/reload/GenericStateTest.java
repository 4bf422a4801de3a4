package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * State whose generic types change across a reload (issue 17 item 2), through the real host:
 * javac, class loading, migration, and the new code's {@code update} run on the migrated state.
 * What still fits is carried over; what does not is reset, with one warning per field.
 */
@Timeout(120)
class GenericStateTest {

    private static final String APP = "demo.App";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An app whose state is {@code State <header> { <fields> }}, whose update runs {@code update}, with nested {@code types}. */
    private static List<ClassFile> app(String header, String fields, String update, String types) {
        return TestCompiler.compile("""
                package demo;

                import dev.hotframe.app.Frame;
                import dev.hotframe.app.HotframeApp;
                import java.util.*;

                public final class App implements HotframeApp<App.State> {
                    public static final class State %s {
                        %s
                    }

                    %s

                    public State initialState() {
                        return new State();
                    }

                    public void update(State s, double dt) {
                        %s
                    }

                    public void render(State s, Frame f) {
                    }
                }
                """.formatted(header, fields, types, update));
    }

    private static AppHost started(List<ClassFile> classes) {
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, classes).ok()).isTrue();
        host.app().update(host.state(), 0.1);
        return host;
    }

    private static Applied reload(AppHost host, List<ClassFile> classes) {
        Applied applied = host.apply(Tier.RELOAD, "generic type changed", classes, List.of()).withoutPhases();
        host.app().update(host.state(), 0.1);
        return applied;
    }

    private static String json(String relaxed) throws Exception {
        return JSON.readTree(relaxed.replace('\'', '"')).toString();
    }

    @Test
    void mapOfListsThatBecameAMapOfIntegersIsResetWithOneWarningAndTheNewCodeRuns() throws Exception {
        AppHost host = started(app("", "public Map<String, List<Integer>> counts = new LinkedHashMap<>();",
                "s.counts.computeIfAbsent(\"a\", k -> new ArrayList<>()).add(1);", ""));

        Applied applied = reload(host, app("", "public Map<String, Integer> counts = new LinkedHashMap<>();",
                "s.counts.merge(\"a\", 1, Integer::sum);", ""));

        assertThat(applied).isEqualTo(new Applied(Tier.RELOAD, "generic type changed", true, null, List.of(
                "state field 'counts' was reset: its old value does not fit the new type "
                        + "(Cannot deserialize value of type `java.lang.Integer` from Array value (token `JsonToken.START_ARRAY`))")));
        assertThat(host.stateTree().toString()).isEqualTo(json("{'counts': {'a': 1}}"));
    }

    @Test
    void typeArgumentsJacksonCanConvertAreCarriedOver() throws Exception {
        AppHost host = started(app("", "public Map<String, Integer> totals = new LinkedHashMap<>(Map.of(\"a\", 2));"
                + " public List<Integer> ids = new ArrayList<>(List.of(7));", "", ""));

        Applied applied = reload(host, app("", "public Map<String, Double> totals = new LinkedHashMap<>();"
                + " public List<String> ids = new ArrayList<>();", "s.ids.add(\"x\");", ""));

        assertThat(applied).isEqualTo(new Applied(Tier.RELOAD, "generic type changed", true, null, List.of()));
        assertThat(host.stateTree().toString()).isEqualTo(json("{'totals': {'a': 2.0}, 'ids': ['7', 'x']}"));
    }

    @Test
    void fieldResetInEveryElementOfAListOrMapIsOneWarning() throws Exception {
        String types = """
                public static final class Item {
                    public int n = 1;
                    public Set<String> tags = new LinkedHashSet<>(Set.of("red"));
                }
                """;
        String fields = "public List<Item> items = new ArrayList<>(List.of(new Item(), new Item(), new Item()));"
                + " public Map<String, Item> named = new TreeMap<>(Map.of(\"a\", new Item(), \"b\", new Item()));";
        AppHost host = started(app("", fields, "s.items.get(0).n++;", types));

        Applied applied = reload(host, app("", fields, "for (Item i : s.items) { long sum = 0; for (Long t : i.tags) sum += t; }",
                types.replace("Set<String> tags = new LinkedHashSet<>(Set.of(\"red\"))", "Set<Long> tags = new LinkedHashSet<>()")));

        String why = "its old value does not fit the new type (Cannot deserialize value of type `java.lang.Long` from String \"red\": "
                + "not a valid `java.lang.Long` value)";
        assertThat(applied).isEqualTo(new Applied(Tier.RELOAD, "generic type changed", true, null, List.of(
                "state field 'items[].tags' was reset in 3 elements: " + why,
                "state field 'named[].tags' was reset in 2 elements: " + why)));
        assertThat(host.stateTree().toString()).isEqualTo(json("""
                {'items': [{'n': 2, 'tags': []}, {'n': 1, 'tags': []}, {'n': 1, 'tags': []}],
                 'named': {'a': {'n': 1, 'tags': []}, 'b': {'n': 1, 'tags': []}}}"""));
    }

    @Test
    void resetRecordComponentThatIsACollectionIsEmptyNotNull() throws Exception {
        String types = "public record Score(List<String> names, Map<String, String> notes, int points) { }";
        AppHost host = started(app("", "public Score best = new Score(List.of(\"ann\"), Map.of(\"k\", \"v\"), 3);", "", types));

        Applied applied = reload(host, app("", "public Score best = new Score(List.of(), Map.of(), 0);",
                "int size = s.best.names().size() + s.best.notes().size();",
                "public record Score(List<Integer> names, Map<String, List<String>> notes, int points) { }"));

        assertThat(applied.warnings()).containsExactly(
                "state field 'best.names' was reset: its old value does not fit the new type "
                        + "(Cannot deserialize value of type `java.lang.Integer` from String \"ann\": not a valid `java.lang.Integer` value)",
                "state field 'best.notes' was reset: its old value does not fit the new type "
                        + "(Cannot construct instance of `java.util.ArrayList` (although at least one Creator exists): "
                        + "no String-argument constructor/factory method to deserialize from String value ('v'))");
        assertThat(host.stateTree().toString()).isEqualTo(json("{'best': {'names': [], 'notes': {}, 'points': 3}}"));
    }

    @Test
    void fieldInheritedFromAGenericSuperclassIsReadAsTheTypeArgumentTheStateGivesIt() throws Exception {
        String types = """
                public static class Base<T> {
                    public T value;
                }
                public static final class Item {
                    public int n;
                }
                """;
        String fields = "{ value = new ArrayList<>(List.of(new Item())); }";
        AppHost host = started(app("extends Base<List<Item>>", fields, "for (Item i : s.value) i.n++;", types));

        Applied applied = reload(host, app("extends Base<List<Item>>", fields + " public int level = 1;",
                "for (Item i : s.value) i.n += 10;", types));

        assertThat(applied).isEqualTo(new Applied(Tier.RELOAD, "generic type changed", true, null, List.of()));
        assertThat(host.stateTree().toString()).isEqualTo(json("{'value': [{'n': 11}], 'level': 1}"));
    }

    @Test
    void superclassTypeArgumentThatChangedResetsTheInheritedField() throws Exception {
        String types = "public static class Base<T> { public T value; }";
        AppHost host = started(app("extends Base<List<Integer>>", "{ value = new ArrayList<>(List.of(1, 2)); }", "s.value.add(3);", types));

        Applied applied = reload(host, app("extends Base<Integer>", "{ value = 0; }", "s.value = s.value + 1;", types));

        assertThat(applied).isEqualTo(new Applied(Tier.RELOAD, "generic type changed", true, null, List.of(
                "state field 'value' was reset: its old value does not fit the new type "
                        + "(Cannot deserialize value of type `java.lang.Integer` from Array value (token `JsonToken.START_ARRAY`))")));
        assertThat(host.stateTree().toString()).isEqualTo(json("{'value': 1}"));
    }

    @Test
    void typeArgumentOfAGenericStateClassIsReadThroughTheFieldThatHoldsIt() throws Exception {
        String types = """
                public static final class Holder<T> {
                    public T value;
                    public int reads;
                }
                """;
        AppHost host = started(app("", "public Holder<List<Integer>> held = new Holder<>(); { held.value = new ArrayList<>(List.of(4)); }",
                "s.held.reads++;", types));

        Applied applied = reload(host, app("", "public Holder<Integer> held = new Holder<>(); { held.value = 0; }",
                "s.held.value = s.held.value + 1; s.held.reads++;", types));

        assertThat(applied).isEqualTo(new Applied(Tier.RELOAD, "generic type changed", true, null, List.of(
                "state field 'held.value' was reset: its old value does not fit the new type "
                        + "(Cannot deserialize value of type `java.lang.Integer` from Array value (token `JsonToken.START_ARRAY`))")));
        assertThat(host.stateTree().toString()).isEqualTo(json("{'held': {'value': 1, 'reads': 2}}"));
    }

    @Test
    void arrayOfListsWhoseElementTypeChangedIsReset() throws Exception {
        AppHost host = started(app("", "@SuppressWarnings(\"unchecked\") public List<String>[] rows = new List[] { List.of(\"a\") };",
                "", ""));

        Applied applied = reload(host, app("", "@SuppressWarnings(\"unchecked\") public List<Integer>[] rows = new List[] { List.of(5) };",
                "int first = s.rows[0].get(0);", ""));

        assertThat(applied.warnings()).hasSize(1).first().asString().startsWith("state field 'rows' was reset");
        assertThat(host.stateTree().toString()).isEqualTo(json("{'rows': [[5]]}"));
    }
}
