package dev.hotframe.devserver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.wire.AssetFile;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.SceneChange;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.UpdateMeta;
import dev.hotframe.wire.ViewerMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's timeline files each update under the tier it went out at, with a reason that says what it was. */
class DashboardModelTest {

    @TempDir
    Path root;

    private DashboardModel model() {
        return new DashboardModel(new DashboardModel.Sources(List::of, List::of, Map::of),
                new ProblemView(root, root.resolve("src/main/java"), null), () -> { });
    }

    private static UpdateMeta meta(long seq, String file) {
        return new UpdateMeta(seq, List.of(file), 1000, Map.of("detect", 5L));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> timeline(DashboardModel model) {
        return (List<Map<String, Object>>) model.describe().get("timeline");
    }

    private static Map<String, Object> entry(long seq, String file, Tier tier, String reason) {
        return Map.of("kind", "update", "seq", seq, "atMs", 1000L, "files", List.of(file), "tier", tier, "reason", reason,
                "phasesMs", Map.of("detect", 5L), "viewers", List.of());
    }

    @Test
    void aRestartFromTheViewerOrTheDashboardIsFiledAsARestartSayingWhoAskedForIt() {
        DashboardModel model = model();

        model.replied("viewer-1", new ViewerMessage.Restarted(null, true, "restart app (F5 or the dashboard)", 4));
        model.replied("viewer-2", new ViewerMessage.Restarted("d9", false, "no app is running", 0));

        assertThat(timeline(model)).extracting(e -> List.of(e.get("kind"), e.get("viewer"), e.get("ok"), e.get("reason"),
                e.get("generation"), e.get("from"))).containsExactly(
                List.of("restart", "viewer-2", false, "no app is running", 0, "the dashboard"),
                List.of("restart", "viewer-1", true, "restart app (F5 or the dashboard)", 4, "F5 in the viewer"));
    }

    @Test
    void anAssetUpdateIsFiledAsAnAssetWithWhatChanged() {
        DashboardModel model = model();
        AssetFile logo = new AssetFile("assets/logo.png", "logo".getBytes(StandardCharsets.UTF_8));

        model.published(new ServerMessage.AssetUpdate(meta(1, "assets/logo.png"), List.of(logo), List.of()));
        model.published(new ServerMessage.AssetUpdate(meta(2, "assets/old.png"), List.of(), List.of("assets/old.png")));
        model.published(new ServerMessage.AssetUpdate(meta(3, "assets/logo.png"), List.of(logo), List.of("assets/a.png",
                "assets/b.png")));

        assertThat(timeline(model)).containsExactly(
                entry(3, "assets/logo.png", Tier.ASSET, "1 asset changed, 2 removed"),
                entry(2, "assets/old.png", Tier.ASSET, "1 asset removed"),
                entry(1, "assets/logo.png", Tier.ASSET, "1 asset changed"));
    }

    @Test
    void codeSceneAndFailedUpdatesKeepTheirTiers() {
        DashboardModel model = model();
        Diagnostic error = new Diagnostic("src/main/java/demo/App.java", 12, 23, "';' expected");

        model.published(new ServerMessage.CodeUpdate(meta(1, "src/main/java/demo/App.java"), Tier.REDEFINE,
                "method bodies changed in App", List.of(), List.of(), null));
        model.published(new ServerMessage.SceneUpdate(meta(2, "scenes/main.scene"), List.of()));
        model.published(new ServerMessage.UpdateFailed(meta(3, "src/main/java/demo/App.java"), List.of(error)));

        assertThat(timeline(model)).containsExactly(
                entry(3, "src/main/java/demo/App.java", Tier.ERROR, error.toString()),
                entry(2, "scenes/main.scene", Tier.SCENE, "0 scenes patched"),
                entry(1, "src/main/java/demo/App.java", Tier.REDEFINE, "method bodies changed in App"));
        assertThat(model.json(new ObjectMapper())).contains("\"tier\":\"redefine\"");
    }
}
