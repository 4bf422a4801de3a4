package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.viewer.testkit.TestApp;
import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Tier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Schema evolution of the app state across reloads, through the real host: javac, class loading, migration. */
@Timeout(120)
class StateMigrationTest {

    private static final String APP = "demo.App";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BALL = """
            public static final class Ball {
                public double x;
                public double y;
                public String color = "red";
            }
            public record Point(int x, int y) {
            }
            public enum Mode { PLAY, PAUSE }
            """;
    private static final String BALL_V2 = """
            public static final class Ball {
                @Was("x") public double left;
                public double y;
                public int spin = 3;
            }
            public record Point(int x, int y, int z) {
            }
            public enum Mode { PLAY }
            """;

    /** An app whose state class holds {@code fields}; {@code types} go into the app class (nested types). */
    private static List<ClassFile> app(String fields, String types) {
        return TestApp.named(APP).imports("dev.hotframe.app.Was", "java.util.*").members(types).state(fields).compile();
    }

    private static AppHost started(String fields, String types) {
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, app(fields, types)).ok()).isTrue();
        return host;
    }

    private static Applied reload(AppHost host, String fields, String types) {
        return host.apply(Tier.RELOAD, "shape changed", app(fields, types), List.of()).withoutPhases();
    }

    private static String tree(AppHost host) {
        return host.stateTree().toString();
    }

    private static String json(String relaxed) throws Exception {
        return JSON.readTree(relaxed.replace('\'', '"')).toString();
    }

    @Test
    void removedFieldIsKeptAsideAndComesBackWhenALaterGenerationHasItAgain() throws Exception {
        AppHost host = started("public int clicks = 1; public int speed = 42;", "");

        Applied removed = reload(host, "public int clicks = 1;", "");
        String withoutSpeed = tree(host);
        String kept = host.keptAside().toString();
        Applied back = reload(host, "public int clicks = 1; public int speed = 5;", "");

        assertThat(removed).isEqualTo(new Applied(Tier.RELOAD, "shape changed", true, null, List.of()));
        assertThat(withoutSpeed).isEqualTo(json("{'clicks': 1}"));
        assertThat(kept).isEqualTo("{speed=42}");
        assertThat(back).isEqualTo(new Applied(Tier.RELOAD, "shape changed", true, null, List.of()));
        assertThat(tree(host)).isEqualTo(json("{'clicks': 1, 'speed': 42}"));
        assertThat(host.keptAside()).isEmpty();
    }

    @Test
    void addedFieldKeepsItsInitializerAndARenamedFieldMarkedWasKeepsItsValue() throws Exception {
        AppHost host = started("public int clicks = 7; public String name = \"old\";", "");

        Applied applied = reload(host, "@Was(\"clicks\") public int taps; public String name = \"new\"; public int level = 3;", "");

        assertThat(applied).isEqualTo(new Applied(Tier.RELOAD, "shape changed", true, null, List.of()));
        assertThat(tree(host)).isEqualTo(json("{'taps': 7, 'name': 'old', 'level': 3}"));
        assertThat(host.keptAside()).as("a renamed field's old name is used up, not kept aside").isEmpty();
    }

    @Test
    void retypedFieldIsConvertedWhenJacksonCanAndOtherwiseResetWithAWarningNamingIt() throws Exception {
        AppHost host = started("public int count = 4; public double ratio = 2.75; public long big = 12; public String label = \"abc\";"
                + " public int code = 31;", "");

        Applied applied = reload(host, "public double count; public int ratio; public int big; public int label = 9;"
                + " public String code;", "");

        assertThat(applied).isEqualTo(new Applied(Tier.RELOAD, "shape changed", true, null, List.of(
                "state field 'label' was reset: its old value does not fit the new type "
                        + "(Cannot deserialize value of type `int` from String \"abc\": not a valid `int` value)")));
        assertThat(tree(host)).isEqualTo(json("{'count': 4.0, 'ratio': 2, 'big': 12, 'label': 9, 'code': '31'}"));
    }

    @Test
    void nestedObjectsListsMapsArraysAndRecordsMigrateFieldByField() throws Exception {
        String fields = """
                public Ball ball = ball(1, 2);
                public List<Ball> balls = new ArrayList<>(List.of(ball(3, 4), ball(5, 6)));
                public Map<String, Ball> named = new LinkedHashMap<>(Map.of("a", ball(7, 8)));
                public Ball[] array = { ball(9, 10) };
                public Point origin = new Point(11, 12);
                public Mode mode = Mode.PAUSE;
                static Ball ball(double x, double y) { Ball b = new Ball(); b.x = x; b.y = y; return b; }
                """;
        AppHost host = started(fields, BALL);
        String fieldsV2 = fields.replace("b.x = x", "b.left = x").replace("new Point(11, 12)", "new Point(11, 12, 0)")
                .replace("Mode.PAUSE", "Mode.PLAY");

        Applied applied = reload(host, fieldsV2, BALL_V2);

        assertThat(applied).isEqualTo(new Applied(Tier.RELOAD, "shape changed", true, null, List.of(
                "state field 'mode' was reset: its old value does not fit the new type (Cannot deserialize value of type "
                        + "`demo.App$Mode` from String \"PAUSE\": not one of the values accepted for Enum class: [PLAY])")));
        assertThat(tree(host)).isEqualTo(json("""
                {'ball': {'left': 1.0, 'y': 2.0, 'spin': 3},
                 'balls': [{'left': 3.0, 'y': 4.0, 'spin': 3}, {'left': 5.0, 'y': 6.0, 'spin': 3}],
                 'named': {'a': {'left': 7.0, 'y': 8.0, 'spin': 3}},
                 'array': [{'left': 9.0, 'y': 10.0, 'spin': 3}],
                 'origin': {'x': 11, 'y': 12, 'z': 0},
                 'mode': 'PLAY'}"""));
        assertThat(host.keptAside().keySet()).containsExactly("ball.color", "balls[0].color", "balls[1].color", "named.a.color",
                "array[0].color");
        Object state = host.state();
        assertThat(state.getClass().getField("balls").get(state)).isInstanceOf(ArrayList.class);
    }

    @Test
    void nestedValueKeptAsideComesBackWithItsField() throws Exception {
        AppHost host = started("public Ball ball = new Ball();", BALL.replace("\"red\"", "\"blue\""));

        reload(host, "public Ball ball = new Ball();", BALL.replace("public String color = \"red\";", ""));
        Applied back = reload(host, "public Ball ball = new Ball();", BALL);

        assertThat(back).isEqualTo(new Applied(Tier.RELOAD, "shape changed", true, null, List.of()));
        assertThat(tree(host)).isEqualTo(json("{'ball': {'x': 0.0, 'y': 0.0, 'color': 'blue'}}"));
    }

    @Test
    void skijaObjectsLambdasAndTheAppAreNotStateAndGetFreshValuesFromTheirInitializers() throws Exception {
        String fields = """
                public int n = 2;
                public io.github.humbleui.skija.Paint paint = new io.github.humbleui.skija.Paint().setColor(0xFF112233);
                public Runnable hook = () -> { };
                """;
        AppHost host = started(fields, "");
        Object oldPaint = host.state().getClass().getField("paint").get(host.state());

        Applied applied = reload(host, fields + "public int m = 1;", "");

        Object state = host.state();
        assertThat(applied).isEqualTo(new Applied(Tier.RELOAD, "shape changed", true, null, List.of()));
        assertThat(tree(host)).isEqualTo(json("{'n': 2, 'm': 1}"));
        assertThat(state.getClass().getField("paint").get(state)).isNotNull().isNotSameAs(oldPaint);
        assertThat(state.getClass().getField("hook").get(state)).isNotNull();
    }

    @Test
    void stateWithACycleCannotBeSavedSoTheReloadRestartsFromInitialStateAndSaysWhy() throws Exception {
        String fields = "public int n = 1; public Node head = Node.loop();";
        String types = """
                public static final class Node {
                    public Node next;
                    static Node loop() { Node a = new Node(); a.next = new Node(); a.next.next = a; return a; }
                }
                """;
        AppHost host = started(fields, types);

        Applied applied = reload(host, fields.replace("Node.loop()", "null") + " public int m = 2;", types);

        assertThat(applied).isEqualTo(new Applied(Tier.RESTART, "the state could not be saved", true, null, List.of(
                "the state could not be saved (state field 'head.next.next' refers back to state field 'head': "
                        + "the state must be a tree, without cycles)")));
        assertThat(tree(host)).isEqualTo(json("{'n': 1, 'head': null, 'm': 2}"));
    }

    @Test
    void migrationTouchesOnlyTheClassesOfTheValuesTheStateHolds() throws Exception {
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i < 700; i++) {
            chain.append("public static final class C").append(i).append(" { public int v = ").append(i)
                    .append("; public C").append(i + 1).append(" next; }\n");
        }
        chain.append("public static final class C700 { public int v; }\n");
        String fields = "public C0 head = new C0(); public int n = 1;";
        AppHost host = started(fields, chain.toString());

        Applied applied = reload(host, fields + " public int m = 2;", chain.toString());

        assertThat(applied).isEqualTo(new Applied(Tier.RELOAD, "shape changed", true, null, List.of()));
        assertThat(tree(host)).isEqualTo(json("{'head': {'v': 0, 'next': null}, 'n': 1, 'm': 2}"));
        GenerationLoader loader = (GenerationLoader) host.app().getClass().getClassLoader();
        assertThat(loader.loadedOrNull("demo.App$C0")).isNotNull();
        assertThat(loader.loadedOrNull("demo.App$C2")).as("a class only named by a field type").isNull();
        assertThat(loader.loadedOrNull("demo.App$C500")).isNull();
    }

    @Test
    void aStateThatHoldsAChain700DeepMigratesWithoutOverflowingTheStack() throws Exception {
        String fields = """
                public Link head = Link.chain(700);
                public static final class Link {
                    public int v;
                    public Link next;
                    static Link chain(int n) { Link first = null; for (int i = n; i > 0; i--) { Link l = new Link(); l.v = i; l.next = first; first = l; } return first; }
                }
                """;
        AppHost host = started(fields, "");

        Applied applied = reload(host, fields + " public int m = 2;", "");

        assertThat(applied).isEqualTo(new Applied(Tier.RELOAD, "shape changed", true, null, List.of()));
        com.fasterxml.jackson.databind.JsonNode at = host.stateTree().get("head");
        int depth = 0;
        while (!at.isNull()) {
            assertThat(at.get("v").intValue()).isEqualTo(++depth);
            at = at.get("next");
        }
        assertThat(depth).isEqualTo(700);
    }
}
