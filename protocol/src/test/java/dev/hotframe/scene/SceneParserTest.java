package dev.hotframe.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SceneParserTest {

    private static final String FILE = "scenes/main.json";

    @Test
    void acceptsCommentsAndTrailingCommas() throws SceneError {
        SceneNode root = SceneParser.parse(FILE, """
                // the whole screen
                { "id": "root", "type": "group", "children": [
                    /* the title card */
                    { "id": "card", "type": "rect", "x": 20, "w": 200.5, "fill": "#3366FF", "visible": true, },
                    { "id": "score", "type": "text", "text": "Score: ${score}", "color": "${theme.fg}", "dash": [4, 2.5, "x"], },
                ], }
                """);

        assertThat(root).isEqualTo(new SceneNode("root", "group", Map.of(), List.of(
                new SceneNode("card", "rect", props("x", 20, "w", 200.5, "fill", "#3366FF", "visible", true), List.of()),
                new SceneNode("score", "text", props("text", "Score: ${score}", "color", "${theme.fg}",
                        "dash", List.of(4, 2.5, "x")), List.of()))));
    }

    @Test
    void syntaxErrorPointsAtTheBadCharacter() {
        assertThat(error("""
                { "id": "root", "type": "group",
                  "children": [ { "id": "a" "type": "rect" } ] }
                """)).isEqualTo(FILE + ":2:29: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries");
    }

    @Test
    void missingIdPointsAtTheNode() {
        assertThat(error("""
                { "id": "root", "type": "group", "children": [
                  { "type": "rect" }
                ] }
                """)).isEqualTo(FILE + ":2:3: node has no 'id'; every node needs a stable id so that edits can be patched");
    }

    @Test
    void duplicateIdPointsAtTheSecondId() {
        assertThat(error("""
                { "id": "root", "type": "group", "children": [
                  { "id": "a", "type": "rect" },
                  { "id": "a", "type": "circle" }
                ] }
                """)).isEqualTo(FILE + ":3:11: duplicate id 'a'; ids must be unique within a scene");
    }

    @Test
    void unknownTypePointsAtTheTypeValue() {
        assertThat(error("""
                { "id": "root", "type": "group", "children": [
                  { "id": "a", "type": "hexagon" }
                ] }
                """)).isEqualTo(FILE + ":2:24: unknown node type 'hexagon'; expected one of circle, column, custom, group, image, line, path, rect, row, shader, stack, text");
    }

    @Test
    void badColourPointsAtTheValue() {
        assertThat(error("""
                { "id": "root", "type": "rect", "fill": "#12345" }
                """)).isEqualTo(FILE + ":1:41: property 'fill' must be a colour written #RRGGBB or #AARRGGBB, was '#12345'");
    }

    @Test
    void numberAsColourIsRefused() {
        assertThat(error("""
                { "id": "root", "type": "rect", "stroke": 255 }
                """)).isEqualTo(FILE + ":1:43: property 'stroke' must be a colour written #RRGGBB or #AARRGGBB or a gradient object, was 255");
    }

    @Test
    void childrenOnANonGroupAreRefused() {
        assertThat(error("""
                { "id": "root", "type": "group", "children": [
                  { "id": "label", "type": "text", "children": [ { "id": "x", "type": "rect" } ] }
                ] }
                """)).isEqualTo(FILE + ":2:3: node 'label' of type 'text' cannot have children; only column, group, row, stack can");
    }

    @Test
    void emptyFileIsRefused() {
        String expected = FILE + ":1:1: the scene file is empty; expected a node object like {\"id\": \"root\", \"type\": \"group\"}";

        assertThat(error("")).isEqualTo(expected);
        assertThat(error("// only a comment\n")).isEqualTo(expected);
    }

    @Test
    void contentAfterTheRootIsRefused() {
        assertThat(error("""
                { "id": "root", "type": "group" }
                { "id": "other", "type": "group" }
                """)).isEqualTo(FILE + ":2:1: unexpected content after the root node");
    }

    @Test
    void errorCarriesItsPlaceAndProblemSeparately() {
        SceneError e = catchThrowableOfType(SceneError.class, () -> SceneParser.parse(FILE, "{ \"type\": \"rect\" }"));

        assertThat(List.of(e.file(), e.line(), e.column(), e.problem())).containsExactly(FILE, 1, 1,
                "node has no 'id'; every node needs a stable id so that edits can be patched");
    }

    private static String error(String text) {
        return catchThrowableOfType(SceneError.class, () -> SceneParser.parse(FILE, text)).getMessage();
    }

    private static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }
}
