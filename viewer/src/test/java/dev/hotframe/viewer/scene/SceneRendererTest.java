package dev.hotframe.viewer.scene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.viewer.render.Fonts;
import dev.hotframe.viewer.testkit.Pixels;
import io.github.humbleui.skija.Surface;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SceneRendererTest {

    private static final Fonts FONTS = new Fonts();
    private static final int BACKGROUND = 0xFF000000;

    private final SceneRenderer renderer = new SceneRenderer(FONTS);
    private final Surface surface = Surface.makeRasterN32Premul(200, 100);

    @AfterEach
    void closeSurface() {
        surface.close();
    }

    private static SceneNode node(String id, String type, Map<String, Object> props) {
        return new SceneNode(id, type, props, List.of());
    }

    private static SceneNode group(SceneNode... children) {
        return new SceneNode("root", "group", Map.of(), List.of(children));
    }

    private static SceneNode text(String text) {
        return node("score", "text", Map.of("text", text, "x", 10, "y", 90, "size", 14, "color", "#FFFFFF"));
    }

    private static JsonNode state(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    private byte[] draw(SceneNode root, JsonNode state) {
        surface.getCanvas().clear(BACKGROUND);
        renderer.draw(surface.getCanvas(), root, state);
        return Pixels.all(surface);
    }

    @Test
    void drawsRectAndCircleWithExactFillColours() throws Exception {
        SceneNode scene = group(
                node("card", "rect", Map.of("x", 10, "y", 10, "w", 60, "h", 40, "fill", "#FF3366")),
                node("dot", "circle", Map.of("cx", 150, "cy", 50, "r", 30, "fill", "#33CC99")));

        draw(scene, state("{}"));

        assertThat(Pixels.at(surface, 40, 30)).isEqualTo("FFFF3366");
        assertThat(Pixels.at(surface, 10, 10)).isEqualTo("FFFF3366");
        assertThat(Pixels.at(surface, 69, 49)).isEqualTo("FFFF3366");
        assertThat(Pixels.at(surface, 71, 30)).isEqualTo("FF000000");
        assertThat(Pixels.at(surface, 150, 50)).isEqualTo("FF33CC99");
        assertThat(Pixels.at(surface, 150, 75)).isEqualTo("FF33CC99");
        assertThat(Pixels.at(surface, 100, 50)).isEqualTo("FF000000");
        assertThat(renderer.drainWarnings()).isEmpty();
    }

    @Test
    void groupTranslatesItsChildren() throws Exception {
        SceneNode scene = new SceneNode("root", "group", Map.of("x", 100, "y", 20), List.of(
                node("card", "rect", Map.of("x", 0, "y", 0, "w", 20, "h", 20, "fill", "#3366FF"))));

        draw(scene, state("{}"));

        assertThat(Pixels.at(surface, 110, 30)).isEqualTo("FF3366FF");
        assertThat(Pixels.at(surface, 10, 10)).isEqualTo("FF000000");
    }

    @Test
    void wholeValueBindingTakesItsValueFromTheState() throws Exception {
        SceneNode scene = group(node("card", "rect", Map.of("x", "${pos.x}", "y", 10, "w", 20, "h", 20, "fill", "${tint}")));

        draw(scene, state("{\"pos\": {\"x\": 120}, \"tint\": \"#20A0F0\"}"));

        assertThat(Pixels.at(surface, 130, 20)).isEqualTo("FF20A0F0");
        assertThat(Pixels.at(surface, 10, 20)).isEqualTo("FF000000");
        assertThat(renderer.drainWarnings()).isEmpty();
    }

    @Test
    void textBindingDrawsTheSamePixelsAsTheLiteralText() throws Exception {
        byte[] bound = draw(group(text("Score: ${score}")), state("{\"score\": 42}"));
        Set<String> warnings = renderer.drainWarnings();
        byte[] literal = draw(group(text("Score: 42")), state("{}"));
        byte[] empty = draw(group(), state("{}"));

        assertThat(warnings).isEmpty();
        assertThat(bound).isEqualTo(literal);
        assertThat(bound).as("the text drew something").isNotEqualTo(empty);
    }

    @Test
    void textBindingToAMissingFieldDrawsAVisibleMarkerAndWarnsNamingTheField() throws Exception {
        byte[] missing = draw(group(text("Score: ${missing}")), state("{\"score\": 42}"));
        Set<String> warnings = renderer.drainWarnings();
        byte[] marker = draw(group(text("Score: \u27e8missing?\u27e9")), state("{}"));

        assertThat(warnings).isEqualTo(Set.of("scene node 'score': ${missing} is not in the app state"));
        assertThat(missing).isEqualTo(marker);
        assertThat(renderer.drainWarnings()).isEmpty();
    }

    @Test
    void wholeValueBindingToAMissingFieldFallsBackAndWarnsNamingTheField() throws Exception {
        SceneNode scene = group(node("card", "rect", Map.of("x", "${left}", "y", 10, "w", 20, "h", 20, "fill", "#FF3366")));

        draw(scene, null);

        assertThat(renderer.drainWarnings())
                .isEqualTo(Set.of("scene node 'card': 'x' binds ${left}, which the app state does not have"));
        assertThat(Pixels.at(surface, 10, 20)).isEqualTo("FFFF3366");
    }

    @Test
    void valueOfTheWrongKindIsDrawnVisiblyAndWarned() throws Exception {
        SceneNode scene = group(node("card", "rect", Map.of("x", 10, "y", 10, "w", "wide", "h", 20, "fill", "${name}")));

        draw(scene, state("{\"name\": \"Ada\"}"));

        assertThat(renderer.drainWarnings()).isEqualTo(Set.of(
                "scene node 'card': 'w' should be a number, a percentage, \"1fr\" or \"fit\", was 'wide'",
                "scene node 'card': 'fill' should be a colour or gradient, was 'Ada'"));
        assertThat(Pixels.at(surface, 15, 20)).as("zero width draws nothing").isEqualTo("FF000000");
    }

    @Test
    void invisibleNodesAreNotDrawn() throws Exception {
        SceneNode scene = group(node("card", "rect", Map.of("x", 0, "y", 0, "w", 200, "h", 100, "fill", "#FF3366",
                "visible", "${shown}")));

        draw(scene, state("{\"shown\": false}"));

        assertThat(Pixels.at(surface, 100, 50)).isEqualTo("FF000000");
        assertThat(renderer.drainWarnings()).isEmpty();
    }

    @Test
    void textBindingsReachIntoListsByIndexAndSize() throws Exception {
        byte[] bound = draw(group(text("${items.1} of ${items.size}, ${items.7}")), state("{\"items\": [\"a\", \"b\", \"c\"]}"));
        Set<String> warnings = renderer.drainWarnings();
        byte[] literal = draw(group(text("b of 3, \u27e8items.7?\u27e9")), state("{}"));

        assertThat(warnings).isEqualTo(Set.of("scene node 'score': ${items.7} is not in the app state"));
        assertThat(bound).isEqualTo(literal);
    }

    @Test
    void textBindingWithAnIndexBeyondIntWarnsInsteadOfThrowing() throws Exception {
        byte[] bound = draw(group(text("Score: ${items.99999999999}")), state("{\"items\": [1, 2]}"));
        Set<String> warnings = renderer.drainWarnings();
        byte[] marker = draw(group(text("Score: \u27e8items.99999999999?\u27e9")), state("{}"));

        assertThat(warnings).isEqualTo(Set.of("scene node 'score': ${items.99999999999} is not in the app state"));
        assertThat(bound).isEqualTo(marker);
    }
}
