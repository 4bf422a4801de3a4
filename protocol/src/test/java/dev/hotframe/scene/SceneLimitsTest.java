package dev.hotframe.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Scenes deeper than {@link SceneLimits} are refused where they enter, with the place. */
@Timeout(30)
class SceneLimitsTest {

    private static final String FILE = "scenes/deep.json";

    @Test
    void theDeepestSceneWithinTheLimitsParses() throws SceneError {
        SceneNode root = SceneParser.parse(FILE, SceneTexts.nested(SceneLimits.NODE_DEPTH, SceneLimits.VALUE_DEPTH));

        assertThat(depth(root)).isEqualTo(SceneLimits.NODE_DEPTH);
    }

    @Test
    void oneLevelOfNodesMoreIsRefusedAtTheNodeThatGoesTooDeep() {
        // one node per line: node n (counted from 1) starts on line n, indented by n - 1 spaces
        String error = error(SceneTexts.nested(SceneLimits.NODE_DEPTH + 1, 0));

        int line = SceneLimits.NODE_DEPTH + 1;
        assertThat(error).isEqualTo(FILE + ":" + line + ":" + line + ": nodes nest more than " + SceneLimits.NODE_DEPTH
                + " levels deep here; the limit keeps every scene within what the wire carries and the viewer draws"
                + " (put a component or a 'repeat' in its place)");
    }

    @Test
    void aThousandLevelsAreRefusedTheSameWayNotWithAStackOverflow() {
        assertThat(error(SceneTexts.nested(1000, 0))).contains(":101:101: nodes nest more than 100 levels deep here");
    }

    @Test
    void aPropertyNestedTooDeepIsRefusedAtTheValue() {
        String value = "[".repeat(SceneLimits.VALUE_DEPTH + 1) + "]".repeat(SceneLimits.VALUE_DEPTH + 1);

        assertThat(error("{ \"id\": \"root\", \"type\": \"rect\", \"data\": " + value + " }"))
                .isEqualTo(FILE + ":1:" + (41 + SceneLimits.VALUE_DEPTH) + ": property 'data' nests lists and objects more than "
                        + SceneLimits.VALUE_DEPTH + " levels deep; the viewer draws nothing that needs more");
    }

    @Test
    void componentsThatMakeTheTreeTooDeepAreRefusedInsideTheComponent() {
        // each component is a group holding the next; twelve of them, under a 90-level file, pass the limit
        StringBuilder components = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            components.append(i == 0 ? "" : ", ").append("\"C").append(i).append("\": { \"node\": { \"id\": \"g\", \"type\": \"group\"")
                    .append(i == 11 ? "" : ", \"children\": [ { \"id\": \"u\", \"use\": \"C" + (i + 1) + "\" } ]").append(" } }");
        }
        String file = SceneTexts.nested(90, 0).replaceFirst("\"type\": \"group\"",
                "\"type\": \"group\", \"components\": { " + components + " }");
        String leaf = "{ \"id\": \"n90\", \"type\": \"group\", \"children\": [ { \"id\": \"first\", \"use\": \"C0\" } ] }";
        file = file.replace("{ \"id\": \"n90\", \"type\": \"rect\" }", leaf);

        assertThat(error(file)).contains("nodes nest more than 100 levels deep here").contains("(inside component 'C");
    }

    @Test
    void anArgumentThatMakesAValueTooDeepIsRefusedAtTheInstance() {
        // the argument fits where it is written, and goes two levels deeper where it is put in
        String deep = "[".repeat(SceneLimits.VALUE_DEPTH - 1) + "]".repeat(SceneLimits.VALUE_DEPTH - 1);
        String error = error("""
                { "id": "root", "type": "group",
                  "components": { "C": { "params": { "p": 1 }, "node": { "id": "n", "type": "rect", "data": [["{{p}}"]] } } },
                  "children": [ { "id": "c", "use": "C", "with": { "p": %s } } ] }
                """.formatted(deep));

        assertThat(error).endsWith("property 'data' of 'n' nests lists and objects more than " + SceneLimits.VALUE_DEPTH
                + " levels deep once component 'C' puts its arguments in");
    }

    private static int depth(SceneNode node) {
        int deepest = 0;
        for (SceneNode child : node.children()) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }

    private static String error(String text) {
        return catchThrowableOfType(SceneError.class, () -> SceneParser.parse(FILE, text)).getMessage();
    }
}
