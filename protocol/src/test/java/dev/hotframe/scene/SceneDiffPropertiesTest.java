package dev.hotframe.scene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.wire.SceneChange;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.UpdateMeta;
import dev.hotframe.wire.WireCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Properties of diff and patch over random trees of the whole vocabulary (containers, nested
 * object values such as gradients and uniforms): the patch reproduces the new tree exactly, also
 * after a trip through the wire codec, and a single edit costs exactly one op.
 */
@Timeout(60)
class SceneDiffPropertiesTest {

    private static final String[] CONTAINERS = {"group", "row", "column", "stack"};
    private static final String[] LEAVES = {"rect", "circle", "line", "path", "text", "image", "shader", "custom"};
    private static final WireCodec CODEC = new WireCodec();

    @Test
    void patchOfRandomPairsGivesExactlyTheNewTreeAlsoOverTheWire() {
        Random random = new Random(6L);
        for (int i = 0; i < 500; i++) {
            SceneNode a = tree(random, 1 + random.nextInt(60));
            SceneNode b = random.nextInt(4) == 0 ? tree(random, 1 + random.nextInt(60)) : edit(a, random, 1 + random.nextInt(6));
            List<PatchOp> ops = SceneDiff.diff(a, b);

            assertThat(ScenePatcher.apply(a, ops)).as("pair %d", i).isEqualTo(b);
            assertThat(ScenePatcher.apply(a, overTheWire(ops))).as("pair %d over the wire", i).isEqualTo(b);
            assertThat(SceneDiff.diff(a, a)).isEmpty();
        }
    }

    @Test
    void singlePropertyEditIsExactlyOneSetPropsNamingOnlyThatProperty() {
        Random random = new Random(11L);
        for (int i = 0; i < 500; i++) {
            SceneNode a = tree(random, 2 + random.nextInt(80));
            List<SceneNode> all = new ArrayList<>();
            collect(a, all);
            SceneNode target = all.get(random.nextInt(all.size()));
            String key = "k" + random.nextInt(5);
            Object value = value(random);
            if (value.equals(target.props().get(key))) {
                continue;
            }
            Map<String, Object> props = new LinkedHashMap<>(target.props());
            props.put(key, value);
            SceneNode b = replace(a, target.id(), target.withProps(props));

            assertThat(SceneDiff.diff(a, b)).as("edit %d", i)
                    .containsExactly(new PatchOp.SetProps(target.id(), Map.of(key, value), List.of()));
        }
    }

    @Test
    void singleInsertOrRemovalIsExactlyOneOp() {
        Random random = new Random(12L);
        for (int i = 0; i < 300; i++) {
            SceneNode a = tree(random, 2 + random.nextInt(80));
            List<SceneNode> containers = new ArrayList<>();
            collect(a, containers);
            containers.removeIf(n -> !SceneParser.CONTAINERS.contains(n.type()));
            SceneNode parent = containers.get(random.nextInt(containers.size()));
            SceneNode added = new SceneNode("new" + i, "rect", Map.of("w", 5), List.of());
            List<SceneNode> children = new ArrayList<>(parent.children());
            int at = random.nextInt(children.size() + 1);
            children.add(at, added);
            SceneNode b = replace(a, parent.id(), parent.withChildren(children));

            assertThat(SceneDiff.diff(a, b)).containsExactly(new PatchOp.Insert(parent.id(), at, added));
            assertThat(SceneDiff.diff(b, a)).containsExactly(new PatchOp.Remove(added.id()));
        }
    }

    private static List<PatchOp> overTheWire(List<PatchOp> ops) {
        ServerMessage.SceneUpdate update = new ServerMessage.SceneUpdate(new UpdateMeta(1, List.of(), 0, Map.of()),
                List.of(SceneChange.patch("main", ops)));
        ServerMessage.SceneUpdate back = (ServerMessage.SceneUpdate) CODEC.decodeServer(CODEC.encode(update), h -> null);
        return back.changes().get(0).ops();
    }

    private static SceneNode tree(Random random, int size) {
        int[] next = {0};
        return node(random, "n", size, next, true);
    }

    private static SceneNode node(Random random, String prefix, int budget, int[] next, boolean container) {
        String id = prefix + next[0]++;
        if (!container || budget <= 1) {
            return new SceneNode(id, LEAVES[random.nextInt(LEAVES.length)], props(random), List.of());
        }
        List<SceneNode> children = new ArrayList<>();
        int left = budget - 1;
        while (left > 0) {
            int share = 1 + random.nextInt(left);
            children.add(node(random, prefix, share, next, random.nextInt(3) == 0));
            left -= share;
        }
        return new SceneNode(id, CONTAINERS[random.nextInt(CONTAINERS.length)], props(random), children);
    }

    private static Map<String, Object> props(Random random) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            props.put("k" + random.nextInt(5), value(random));
        }
        return props;
    }

    private static Object value(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> random.nextInt(1000);
            case 1 -> random.nextInt(1000) / 8.0;
            case 2 -> "#" + Integer.toHexString(0x100000 + random.nextInt(0xEFFFFF)).toUpperCase();
            case 3 -> random.nextBoolean();
            case 4 -> List.of(random.nextInt(10), "${item.n" + random.nextInt(3) + "}");
            case 5 -> Map.of("linear", List.of(0, 0, 1, random.nextInt(2)), "colors", List.of("#FF0000", "#0000FF"));
            default -> "${s" + random.nextInt(9) + "}";
        };
    }

    /** Edits a copy: changes, adds or removes properties, inserts, removes, moves and retypes nodes. */
    private static SceneNode edit(SceneNode a, Random random, int edits) {
        SceneNode b = a;
        for (int e = 0; e < edits; e++) {
            List<SceneNode> all = new ArrayList<>();
            collect(b, all);
            SceneNode target = all.get(random.nextInt(all.size()));
            switch (random.nextInt(4)) {
                case 0 -> b = replace(b, target.id(), target.withProps(props(random)));
                case 1 -> {
                    if (SceneParser.CONTAINERS.contains(target.type())) {
                        List<SceneNode> children = new ArrayList<>(target.children());
                        children.add(random.nextInt(children.size() + 1),
                                new SceneNode("x" + e + "_" + random.nextInt(1_000_000), "circle", props(random), List.of()));
                        b = replace(b, target.id(), target.withChildren(children));
                    }
                }
                case 2 -> {
                    if (target.children().size() > 1) {
                        List<SceneNode> children = new ArrayList<>(target.children());
                        children.add(children.remove(0));
                        b = replace(b, target.id(), target.withChildren(children));
                    }
                }
                default -> {
                    if (!target.children().isEmpty()) {
                        List<SceneNode> children = new ArrayList<>(target.children());
                        children.remove(random.nextInt(children.size()));
                        b = replace(b, target.id(), target.withChildren(children));
                    }
                }
            }
        }
        return b;
    }

    private static void collect(SceneNode node, List<SceneNode> out) {
        out.add(node);
        node.children().forEach(c -> collect(c, out));
    }

    private static SceneNode replace(SceneNode root, String id, SceneNode with) {
        if (root.id().equals(id)) {
            return with;
        }
        List<SceneNode> children = new ArrayList<>();
        for (SceneNode child : root.children()) {
            children.add(replace(child, id, with));
        }
        return root.withChildren(children);
    }
}
