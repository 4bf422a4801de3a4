package dev.hotframe.viewer.scene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.scene.PatchOp;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.scene.SceneParser;
import dev.hotframe.scene.ScenePatcher;
import io.github.humbleui.skija.Surface;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The viewer lays out again only what a patch or a bound value changed; the rest comes from the cache. */
@Timeout(30)
class SceneLayoutCacheTest {

    private static final int ROWS = 20;
    private static final int PER_ROW = 10;

    private final SceneRenderer renderer = new SceneRenderer(new DefaultAssets());
    private final Surface surface = Surface.makeRasterN32Premul(400, 300);

    @AfterEach
    void close() {
        surface.close();
    }

    private static String scene() {
        StringBuilder out = new StringBuilder("{ \"id\": \"root\", \"type\": \"column\", \"gap\": 1, \"children\": [");
        out.append("{ \"id\": \"score\", \"type\": \"text\", \"text\": \"score ${score}\", \"size\": 12 },");
        for (int r = 0; r < ROWS; r++) {
            out.append("{ \"id\": \"row").append(r).append("\", \"type\": \"row\", \"gap\": 1, \"children\": [");
            for (int c = 0; c < PER_ROW; c++) {
                out.append("{ \"id\": \"c").append(r).append('_').append(c).append("\", \"type\": \"rect\", \"w\": 8, \"h\": 8, \"fill\": \"#3366FF\" },");
            }
            out.append("] },");
        }
        return out.append("] }").toString();
    }

    private int draw(SceneNode root, String state) throws Exception {
        JsonNode tree = new ObjectMapper().readTree(state);
        renderer.draw("main", surface.getCanvas(), root, tree, Map.of(), 0, 400, 300);
        return renderer.laidOutLastTime("main");
    }

    @Test
    void unchangedFramesLayOutNothingAndAPatchLaysOutOnlyThePathToTheNode() throws Exception {
        SceneNode root = SceneParser.parse("scenes/main.json", scene());
        int all = root.nodeCount();

        assertThat(draw(root, "{\"score\": 1}")).as("the first frame lays out everything").isEqualTo(all);
        assertThat(draw(root, "{\"score\": 1}")).as("nothing changed").isZero();

        assertThat(draw(root, "{\"score\": 2}")).as("a bound value changed: the text and the root").isEqualTo(2);

        SceneNode patched = ScenePatcher.apply(root, List.of(new PatchOp.SetProps("c7_3", Map.of("w", 20), List.of())));
        assertThat(draw(patched, "{\"score\": 2}")).as("the rect, its row and the root").isEqualTo(3);
        assertThat(renderer.drainWarnings()).isEmpty();
    }

    @Test
    void aPaintOnlyChangeStillLaysOutOnlyThePathAndDrawsTheNewColour() throws Exception {
        SceneNode root = SceneParser.parse("scenes/main.json", scene());
        draw(root, "{\"score\": 1}");

        SceneNode patched = ScenePatcher.apply(root, List.of(new PatchOp.SetProps("c0_0", Map.of("fill", "#FF3366"), List.of())));
        surface.getCanvas().clear(0xFF000000);
        assertThat(draw(patched, "{\"score\": 1}")).isEqualTo(3);

        int y = 0;
        try (var image = surface.makeImageSnapshot()) {
            // the first row starts below the score text; find the first red pixel in column 4
            for (int py = 0; py < 100 && y == 0; py++) {
                if (dev.hotframe.viewer.testkit.Pixels.at(image, 4, py).equals("FFFF3366")) {
                    y = py;
                }
            }
        }
        assertThat(y).as("the patched rect is drawn red").isPositive();
    }
}
