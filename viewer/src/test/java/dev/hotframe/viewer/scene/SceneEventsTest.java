package dev.hotframe.viewer.scene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.app.Action;
import dev.hotframe.app.InputEvent;
import dev.hotframe.scene.SceneParser;
import io.github.humbleui.skija.Surface;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hit-testing against laid-out, transformed boxes; hover fires on entering; repeated nodes carry their key and arg. */
@Timeout(30)
class SceneEventsTest {

    private final SceneRenderer renderer = new SceneRenderer(new DefaultAssets());

    private void draw(String scene, String state) throws Exception {
        try (Surface surface = Surface.makeRasterN32Premul(200, 200)) {
            renderer.beginFrame(surface.getCanvas().getLocalToDeviceAsMatrix33().getMat());
            renderer.draw("main", surface.getCanvas(), SceneParser.parse("scenes/main.json", scene),
                    new ObjectMapper().readTree(state), Map.of(), 0, 200, 200);
            renderer.endFrame();
        }
    }

    private List<Action> at(InputEvent.PointerKind kind, double x, double y) {
        return renderer.events().actionsFor(new InputEvent.Pointer(kind, x, y, 0));
    }

    @Test
    void clickUsesTheRotatedBoxNotTheUnrotatedOne() throws Exception {
        draw("""
                { "id": "root", "type": "group", "children": [
                  { "id": "bar", "type": "rect", "x": 50, "y": 90, "w": 100, "h": 20, "rotate": 90, "onClick": "hit" } ] }
                """, "{}");

        assertThat(at(InputEvent.PointerKind.DOWN, 100, 60)).containsExactly(new Action("hit", "bar", "click", ""));
        assertThat(at(InputEvent.PointerKind.DOWN, 60, 100)).as("where the bar would be unrotated").isEmpty();
    }

    @Test
    void hoverFiresOnceOnEnteringAndAgainAfterLeaving() throws Exception {
        draw("""
                { "id": "root", "type": "group", "children": [
                  { "id": "card", "type": "rect", "x": 10, "y": 10, "w": 50, "h": 50, "onHover": "peek" } ] }
                """, "{}");

        assertThat(at(InputEvent.PointerKind.MOVE, 20, 20)).containsExactly(new Action("peek", "card", "hover", ""));
        assertThat(at(InputEvent.PointerKind.MOVE, 30, 30)).isEmpty();
        assertThat(at(InputEvent.PointerKind.MOVE, 100, 100)).isEmpty();
        assertThat(at(InputEvent.PointerKind.MOVE, 30, 30)).containsExactly(new Action("peek", "card", "hover", ""));
    }

    @Test
    void repeatedRowsCarryTheirKeyAndResolvedArgAndTheTopmostNodeWins() throws Exception {
        draw("""
                { "id": "root", "type": "stack", "children": [
                  { "id": "under", "type": "rect", "w": 200, "h": 200, "onClick": "background" },
                  { "id": "list", "type": "column", "repeat": "${people}", "key": "${item.id}", "children": [
                    { "id": "person", "type": "rect", "w": 100, "h": 20, "onClick": "select", "arg": "${item.name}" } ] } ] }
                """, "{\"people\": [{\"id\": 7, \"name\": \"ada\"}, {\"id\": 9, \"name\": \"bob\"}]}");

        assertThat(at(InputEvent.PointerKind.DOWN, 50, 30)).containsExactly(new Action("select", "person#9", "click", "bob"));
        assertThat(at(InputEvent.PointerKind.DOWN, 150, 30)).containsExactly(new Action("background", "under", "click", ""));
        assertThat(renderer.drainWarnings()).isEmpty();
    }
}
