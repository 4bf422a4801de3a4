package dev.hotframe.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SceneDiffTest {

    @Test
    void equalScenesNeedNoOps() {
        SceneNode scene = root(rect("a", "x", 1), rect("b"));

        assertThat(SceneDiff.diff(scene, root(rect("a", "x", 1), rect("b")))).isEmpty();
    }

    @Test
    void changedPropertyIsOneSetPropsWithOnlyThatProperty() {
        SceneNode before = root(rect("card", "x", 20, "fill", "#3366FF", "w", 100));
        SceneNode after = root(rect("card", "x", 30, "fill", "#3366FF", "w", 100));

        assertPatch(before, after, List.of(new PatchOp.SetProps("card", Map.of("x", 30), List.of())));
    }

    @Test
    void removedPropertyIsUnset() {
        SceneNode before = root(rect("card", "x", 20, "radius", 12));
        SceneNode after = root(rect("card", "x", 20));

        assertPatch(before, after, List.of(new PatchOp.SetProps("card", Map.of(), List.of("radius"))));
    }

    @Test
    void newChildIsInsertedAtItsIndex() {
        SceneNode before = root(rect("a"), rect("c"));
        SceneNode after = root(rect("a"), rect("b", "x", 5), rect("c"));

        assertPatch(before, after, List.of(new PatchOp.Insert("root", 1, rect("b", "x", 5))));
    }

    @Test
    void goneChildIsRemoved() {
        SceneNode before = root(rect("a"), rect("b"), rect("c"));
        SceneNode after = root(rect("a"), rect("c"));

        assertPatch(before, after, List.of(new PatchOp.Remove("b")));
    }

    @Test
    void reorderedChildrenAreMoved() {
        SceneNode before = root(rect("a"), rect("b"), rect("c"));
        SceneNode after = root(rect("c"), rect("a"), rect("b"));

        assertPatch(before, after, List.of(new PatchOp.Move("c", "root", 0)));
    }

    @Test
    void nodeMovedToAnotherParentIsRemovedThenInserted() {
        SceneNode before = root(group("left", rect("x", "y", 1)), group("right"));
        SceneNode after = root(group("left"), group("right", rect("x", "y", 1)));

        assertPatch(before, after, List.of(new PatchOp.Remove("x"), new PatchOp.Insert("right", 0, rect("x", "y", 1))));
    }

    @Test
    void changedTypeReplacesTheNode() {
        SceneNode before = root(rect("dot", "x", 1));
        SceneNode after = root(node("dot", "circle", List.of(), "x", 1, "r", 4));

        assertPatch(before, after, List.of(new PatchOp.Replace("dot", after.children().get(0))));
    }

    @Test
    void changedRootIdReplacesTheWholeScene() {
        SceneNode before = root(rect("a"));
        SceneNode after = new SceneNode("screen", "group", Map.of(), List.of(rect("a")));

        assertPatch(before, after, List.of(new PatchOp.Replace("root", after)));
    }

    @Test
    void randomScenePairsPatchIntoEachOther() {
        Random random = new Random(20240601L);
        for (int i = 0; i < 400; i++) {
            SceneNode a = randomScene(random);
            SceneNode b = randomScene(random);

            List<PatchOp> ops = SceneDiff.diff(a, b);

            assertThat(ScenePatcher.apply(a, ops)).as("pair %d: %s -> %s via %s", i, a, b, ops).isEqualTo(b);
            assertThat(ops.isEmpty()).as("pair %d", i).isEqualTo(a.equals(b));
        }
    }

    @Test
    void editsInPlaceNeverFallBackToTheWholeScene() {
        Random random = new Random(7L);
        for (int i = 0; i < 400; i++) {
            SceneNode a = randomScene(random);
            SceneNode b = mutate(a, random);

            List<PatchOp> ops = SceneDiff.diff(a, b);

            assertThat(ScenePatcher.apply(a, ops)).as("pair %d: %s -> %s via %s", i, a, b, ops).isEqualTo(b);
            assertThat(ops).as("pair %d: %s -> %s", i, a, b).noneMatch(op -> op.equals(new PatchOp.Replace(a.id(), b)));
        }
    }

    private static void assertPatch(SceneNode before, SceneNode after, List<PatchOp> expected) {
        List<PatchOp> ops = SceneDiff.diff(before, after);

        assertThat(ops).isEqualTo(expected);
        assertThat(ScenePatcher.apply(before, ops)).isEqualTo(after);
    }

    /** A random scene over a small id pool, so that two scenes share ids in different places. */
    private static SceneNode randomScene(Random random) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add("n" + i);
        }
        Collections.shuffle(ids, random);
        List<String> used = ids.subList(0, random.nextInt(ids.size() + 1));
        String rootId = random.nextInt(20) == 0 ? "other" : "root";
        return build(rootId, "group", new ArrayList<>(used), random);
    }

    private static SceneNode build(String id, String type, List<String> remaining, Random random) {
        Map<String, Object> props = randomProps(random);
        if (!type.equals("group")) {
            return new SceneNode(id, type, props, List.of());
        }
        List<SceneNode> children = new ArrayList<>();
        int count = remaining.isEmpty() ? 0 : random.nextInt(Math.min(4, remaining.size()) + 1);
        for (int i = 0; i < count && !remaining.isEmpty(); i++) {
            String childId = remaining.remove(0);
            String childType = List.of("group", "group", "rect", "circle").get(random.nextInt(4));
            children.add(build(childId, childType, remaining, random));
        }
        return new SceneNode(id, type, props, children);
    }

    /** {@code scene} with a few random props changed, which exercises the small patch more than fresh trees do. */
    private static SceneNode mutate(SceneNode scene, Random random) {
        List<SceneNode> children = new ArrayList<>();
        for (SceneNode child : scene.children()) {
            if (random.nextInt(8) != 0) {
                children.add(mutate(child, random));
            }
        }
        if (random.nextInt(4) == 0) {
            Collections.shuffle(children, random);
        }
        Map<String, Object> props = random.nextInt(3) == 0 ? randomProps(random) : scene.props();
        return new SceneNode(scene.id(), scene.type(), props, children);
    }

    private static Map<String, Object> randomProps(Random random) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            props.put("x", random.nextInt(3));
        }
        if (random.nextBoolean()) {
            props.put("fill", random.nextBoolean() ? "#FF3366" : "#3366FF");
        }
        if (random.nextBoolean()) {
            props.put("label", List.of("a", random.nextInt(2)));
        }
        return props;
    }

    static SceneNode root(SceneNode... children) {
        return group("root", children);
    }

    static SceneNode group(String id, SceneNode... children) {
        return new SceneNode(id, "group", Map.of(), List.of(children));
    }

    static SceneNode rect(String id, Object... props) {
        return node(id, "rect", List.of(), props);
    }

    static SceneNode node(String id, String type, List<SceneNode> children, Object... keysAndValues) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new SceneNode(id, type, props, children);
    }
}
