package dev.hotframe.scene;

import static dev.hotframe.scene.SceneDiffTest.group;
import static dev.hotframe.scene.SceneDiffTest.rect;
import static dev.hotframe.scene.SceneDiffTest.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ScenePatcherTest {

    private static final SceneNode SCENE = root(group("hud", rect("a")), rect("b"));

    @Test
    void appliesOpsInOrder() {
        SceneNode patched = ScenePatcher.apply(SCENE, List.of(
                new PatchOp.SetProps("a", Map.of("x", 3), List.of()),
                new PatchOp.Move("b", "hud", 0),
                new PatchOp.Insert("root", 1, rect("c")),
                new PatchOp.Remove("a")));

        assertThat(patched).isEqualTo(root(group("hud", rect("b")), rect("c")));
    }

    @Test
    void setPropsOnAMissingNodeNamesOpAndId() {
        assertCannot(new PatchOp.SetProps("ghost", Map.of("x", 1), List.of()),
                "cannot apply SetProps[id=ghost, set={x=1}, unset=[]]: there is no node 'ghost'");
    }

    @Test
    void removeOfAMissingNodeNamesOpAndId() {
        assertCannot(new PatchOp.Remove("ghost"), "cannot apply Remove[id=ghost]: there is no node 'ghost'");
    }

    @Test
    void rootCannotBeRemoved() {
        assertCannot(new PatchOp.Remove("root"), "cannot apply Remove[id=root]: the root node cannot be removed; replace it instead");
    }

    @Test
    void moveOfAMissingNodeNamesOpAndId() {
        assertCannot(new PatchOp.Move("ghost", "hud", 0), "cannot apply Move[id=ghost, parentId=hud, index=0]: there is no node 'ghost'");
    }

    @Test
    void insertIntoAMissingParentNamesIt() {
        PatchOp op = new PatchOp.Insert("nowhere", 0, rect("c"));

        assertCannot(op, "cannot apply " + op + ": there is no node 'nowhere'");
    }

    @Test
    void insertOfAnExistingIdIsRefused() {
        PatchOp op = new PatchOp.Insert("root", 0, rect("a"));

        assertCannot(op, "cannot apply " + op + ": a node 'a' already exists");
    }

    @Test
    void insertOutsideTheChildrenIsRefused() {
        PatchOp op = new PatchOp.Insert("hud", 2, rect("c"));

        assertCannot(op, "cannot apply " + op + ": index 2 is outside 0..1 of 'hud'");
    }

    @Test
    void replaceOfAMissingNodeNamesOpAndId() {
        PatchOp op = new PatchOp.Replace("ghost", rect("c"));

        assertCannot(op, "cannot apply " + op + ": there is no node 'ghost'");
    }

    private static void assertCannot(PatchOp op, String message) {
        assertThatThrownBy(() -> ScenePatcher.apply(SCENE, List.of(op)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
