package dev.hotframe.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SceneTemplatesTest {

    private static final String FILE = "scenes/main.json";

    @Test
    void componentExpandsWithPrefixedIdsParametersAndOverrides() throws SceneError {
        SceneNode root = SceneParser.parse(FILE, """
                { "id": "root", "type": "row",
                  "components": { "Card": { "params": { "title": "untitled", "w": 100, "color": "#333333" }, "node":
                    { "id": "card", "type": "column", "w": "{{w}}", "background": "{{color}}", "children": [
                      { "id": "label", "type": "text", "text": "{{title}}: ${clicks}" } ] } } },
                  "children": [
                    { "id": "clicks", "use": "Card", "with": { "title": "Clicks", "w": 200 }, "padding": 8 },
                  ] }
                """);

        assertThat(root).isEqualTo(new SceneNode("root", "row", Map.of(), List.of(
                new SceneNode("clicks", "column", props("w", 200, "background", "#333333", "padding", 8), List.of(
                        new SceneNode("clicks/label", "text", props("text", "Clicks: ${clicks}"), List.of()))))));
    }

    @Test
    void styleGoesUnderTheNodesOwnProperties() throws SceneError {
        SceneNode root = SceneParser.parse(FILE, """
                { "id": "root", "type": "group",
                  "styles": { "big": { "size": 30, "color": "#FFFFFF" }, "dim": { "color": "#808080" } },
                  "children": [ { "id": "t", "type": "text", "style": ["big", "dim"], "size": 12, "text": "hi" } ] }
                """);

        assertThat(root.children().get(0).props()).isEqualTo(props("size", 12, "color", "#808080", "text", "hi"));
    }

    @Test
    void unknownComponentPointsAtTheInstance() {
        assertThat(error("""
                { "id": "root", "type": "group", "children": [
                  { "id": "x", "use": "Nope" } ] }
                """)).isEqualTo(FILE + ":2:3: node 'x' uses the unknown component 'Nope'; defined: none (define them under"
                + " \"components\" on the root node)");
    }

    @Test
    void undeclaredParameterIsNamed() {
        assertThat(error("""
                { "id": "root", "type": "group",
                  "components": { "C": { "params": { "a": 1 }, "node": { "id": "n", "type": "rect", "w": "{{b}}" } } },
                  "children": [ { "id": "x", "use": "C" } ] }
                """)).isEqualTo(FILE + ":2:56: {{b}} in component 'C' is not one of its parameters (a); declare it under \"params\"");
    }

    @Test
    void idsMayNotUseTheSeparatorsOfExpandedIds() {
        assertThat(error("""
                { "id": "root", "type": "group",
                  "components": { "C": { "node": { "id": "n", "type": "rect" } } },
                  "children": [ { "id": "x", "use": "C" }, { "id": "x/n", "type": "rect" } ] }
                """)).isEqualTo(FILE + ":3:52: 'id' must not contain '/' or '#' (they separate component and repeat ids), was 'x/n'");
    }

    @Test
    void componentThatUsesItselfIsStopped() {
        assertThat(error("""
                { "id": "root", "type": "group",
                  "components": { "C": { "node": { "id": "n", "type": "group", "children": [ { "id": "again", "use": "C" } ] } } },
                  "children": [ { "id": "x", "use": "C" } ] }
                """)).isEqualTo(FILE + ":2:78: components nest deeper than 16 levels at 'again'; does 'C' use itself?");
    }

    @Test
    void badGradientPointsAtTheValue() {
        assertThat(error("""
                { "id": "root", "type": "rect", "fill": { "linear": [0, 0, 1], "colors": ["#FF0000", "#0000FF"] } }
                """)).isEqualTo(FILE + ":1:41: gradient 'fill': 'linear' must be a list of 4 numbers, was [0, 0, 1]");
    }

    @Test
    void repeatNeedsOneTemplateChild() {
        assertThat(error("""
                { "id": "root", "type": "column", "repeat": "${items}" }
                """)).isEqualTo(FILE + ":1:1: node 'root' repeats over ${items}; it needs exactly one child, the template"
                + " drawn for each item, found 0");
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
