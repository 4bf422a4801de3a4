package dev.hotframe.devserver.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.UpdateMeta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fifty real websocket viewers on one hub each receive every update, whole and in order. */
@Timeout(120)
class FanOutTest {

    private static final int VIEWERS = 50;
    private static final int UPDATES = 20;

    private final RunningHub running = new RunningHub();

    @AfterEach
    void stopHub() {
        running.close();
    }

    @Test
    void fiftyViewersEachReceiveEveryUpdateInOrder() throws Exception {
        List<ViewerClient> viewers = new ArrayList<>();
        for (int i = 0; i < VIEWERS; i++) {
            ViewerClient viewer = running.join("viewer-" + i);
            viewer.nextMessage();
            viewers.add(viewer);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> running.hub.viewerCount() == VIEWERS);

        List<ServerMessage.Update> sent = new ArrayList<>();
        for (int n = 0; n < UPDATES; n++) {
            sent.add(running.publish(n % 2 == 0 ? RunningHub::failed : FanOutTest::code));
        }

        for (ViewerClient viewer : viewers) {
            for (ServerMessage.Update expected : sent) {
                assertThat(viewer.nextSkippingPings()).isEqualTo(expected);
            }
        }
    }

    private static ServerMessage.Update code(long seq) {
        ClassFile changed = new ClassFile("demo.App", ("class bytes #" + seq).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new ServerMessage.CodeUpdate(new UpdateMeta(seq, List.of("src/main/java/demo/App.java"), 1000, Map.of()),
                Tier.REDEFINE, "method bodies changed", List.of(changed), List.of());
    }
}
