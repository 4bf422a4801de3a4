package dev.hotframe.viewer.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotframe.scene.PatchOp;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.viewer.render.Fonts;
import dev.hotframe.viewer.testkit.Pixels;
import dev.hotframe.wire.SceneChange;
import io.github.humbleui.skija.Surface;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RetainedScenesTest {

    private static final SceneNode CARD = new SceneNode("card", "rect",
            Map.of("x", 10, "y", 10, "w", 60, "h", 40, "fill", "#FF3366"), List.of());
    private static final SceneNode MAIN = new SceneNode("root", "group", Map.of(), List.of(CARD));
    private static final SceneNode HUD = new SceneNode("hud", "group", Map.of(), List.of());

    private static RetainedScenes scenes() {
        RetainedScenes scenes = new RetainedScenes();
        scenes.replaceAll(Map.of("main", MAIN, "hud", HUD));
        return scenes;
    }

    @Test
    void patchChangesTheRetainedSceneAndTheNextDrawShowsIt() {
        RetainedScenes scenes = scenes();

        scenes.apply(List.of(SceneChange.patch("main", List.of(new PatchOp.SetProps("card", Map.of("fill", "#3366FF"), List.of())))));

        SceneNode expected = new SceneNode("root", "group", Map.of(), List.of(new SceneNode("card", "rect",
                Map.of("x", 10, "y", 10, "w", 60, "h", 40, "fill", "#3366FF"), List.of())));
        assertThat(scenes.get("main")).isEqualTo(expected);
        assertThat(scenes.get("hud")).isSameAs(HUD);
        try (Surface surface = Surface.makeRasterN32Premul(200, 100)) {
            surface.getCanvas().clear(0xFF000000);
            new SceneRenderer(new Fonts()).draw(surface.getCanvas(), scenes.get("main"), null);
            assertThat(Pixels.at(surface, 40, 30)).isEqualTo("FF3366FF");
        }
    }

    @Test
    void addedAndDeletedScenesChangeTheNames() {
        RetainedScenes scenes = scenes();
        SceneNode menu = new SceneNode("menu", "group", Map.of(), List.of());

        scenes.apply(List.of(SceneChange.added("menu", menu), SceneChange.deleted("hud")));

        assertThat(scenes.names()).isEqualTo(Set.of("main", "menu"));
        assertThat(scenes.get("menu")).isSameAs(menu);
        assertThat(scenes.get("hud")).isNull();
    }

    @Test
    void patchThatCannotApplyThrowsNamingTheOpAndLeavesEveryScene() {
        RetainedScenes scenes = scenes();
        PatchOp missing = new PatchOp.SetProps("nope", Map.of("fill", "#000000"), List.of());

        assertThatThrownBy(() -> scenes.apply(List.of(
                SceneChange.deleted("hud"),
                SceneChange.patch("main", List.of(new PatchOp.SetProps("card", Map.of("fill", "#3366FF"), List.of()))),
                SceneChange.patch("main", List.of(missing)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot apply " + missing + ": there is no node 'nope'");

        assertThat(scenes.names()).isEqualTo(Set.of("main", "hud"));
        assertThat(scenes.get("main")).isSameAs(MAIN);
        assertThat(scenes.get("hud")).isSameAs(HUD);
    }

    @Test
    void patchOfASceneTheViewerDoesNotKnowThrowsAndChangesNothing() {
        RetainedScenes scenes = scenes();

        assertThatThrownBy(() -> scenes.apply(List.of(SceneChange.deleted("hud"),
                SceneChange.patch("ghost", List.of(new PatchOp.Remove("card"))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scene 'ghost' is not known to this viewer");

        assertThat(scenes.names()).isEqualTo(Set.of("main", "hud"));
    }

    @Test
    void replaceAllDropsScenesMissingFromTheSnapshot() {
        RetainedScenes scenes = scenes();

        scenes.replaceAll(Map.of("hud", HUD));

        assertThat(scenes.names()).isEqualTo(Set.of("hud"));
        assertThat(scenes.get("main")).isNull();
    }
}
