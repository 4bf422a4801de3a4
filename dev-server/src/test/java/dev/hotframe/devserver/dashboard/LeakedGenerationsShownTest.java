package dev.hotframe.devserver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotframe.devserver.session.RunningHub;
import dev.hotframe.devserver.session.ViewerClient;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A viewer's count of old generations still in memory travels in its acks through the real hub
 * to the dashboard's viewer list; an ack without the count (an older viewer) leaves the last one.
 */
@Timeout(30)
class LeakedGenerationsShownTest {

    private static final WireCodec CODEC = new WireCodec();

    @TempDir
    Path root;

    @Test
    void leakedGenerationsFromAViewersAckReachTheDashboardsViewerList() throws Exception {
        try (RunningHub running = new RunningHub()) {
            DashboardModel model = new DashboardModel(new DashboardModel.Sources(running.hub::viewers, List::of, Map::of),
                    new ProblemView(root, root.resolve("src/main/java"), null), () -> { });
            running.hub.listen(model);
            ViewerClient viewer = running.join("viewer-1");
            viewer.next();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(viewer(model)).containsEntry("leakedGenerations", null));

            running.publish(RunningHub::failed);
            viewer.send(CODEC.encode(new ViewerMessage.Ack(1, true, Tier.RELOAD, 10, 20, null, Map.of("apply", 4L), 3)));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(viewer(model).get("leakedGenerations")).isEqualTo(3));

            running.publish(RunningHub::failed);
            viewer.send(CODEC.encode(new ViewerMessage.Ack(2, true, Tier.RELOAD, 30, 40, null, Map.of("apply", 4L))));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(viewer(model).get("lastAckedSeq")).isEqualTo(2L));
            assertThat(viewer(model).get("leakedGenerations")).isEqualTo(3);
            assertThat(model.json(new com.fasterxml.jackson.databind.ObjectMapper())).contains("\"leakedGenerations\":3");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> viewer(DashboardModel model) {
        List<Map<String, Object>> viewers = (List<Map<String, Object>>) model.describe().get("viewers");
        assertThat(viewers).hasSize(1);
        return viewers.get(0);
    }
}
