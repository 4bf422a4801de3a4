package dev.hotframe.devserver.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.wire.AssetFile;
import dev.hotframe.wire.Limits;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.UpdateMeta;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Asset bytes over a real hub and a real websocket client, including assets bigger than a binary frame. */
@Timeout(30)
class AssetFramesTest {

    private static final int FRAME = 64 * 1024;

    private final RunningHub running = new RunningHub(s -> s.withLimits(new Limits(1 << 20, 16 << 20, FRAME, 100, 100, 8)));

    @AfterEach
    void close() {
        running.close();
    }

    @Test
    void anAssetBiggerThanABinaryFrameArrivesInChunksAndWhole() throws Exception {
        ViewerClient viewer = running.join("viewer");
        viewer.nextMessage();
        byte[] photo = new byte[5 * FRAME / 2];
        new Random(42).nextBytes(photo);
        AssetFile big = new AssetFile("assets/photo.jpg", photo);
        AssetFile small = new AssetFile("assets/icon.png", new byte[] {1, 2, 3});

        running.publish(seq -> new ServerMessage.AssetUpdate(new UpdateMeta(seq, List.of(big.path(), small.path()), 1000,
                Map.of()), List.of(big, small), List.of()));

        ServerMessage.AssetUpdate update = (ServerMessage.AssetUpdate) viewer.nextMessage();
        assertThat(update.assets()).containsExactly(big, small);
        assertThat(viewer.binaryFrames()).as("three chunks of the photo, one frame with the icon").isEqualTo(4);
    }

    @Test
    void anAssetIsSentOnceEvenUnderTwoPaths() throws Exception {
        ViewerClient viewer = running.join("viewer");
        viewer.nextMessage();
        AssetFile first = new AssetFile("assets/a.png", new byte[] {9, 9});
        running.publish(seq -> new ServerMessage.AssetUpdate(new UpdateMeta(seq, List.of(first.path()), 1000, Map.of()),
                List.of(first), List.of()));
        viewer.nextMessage();
        int framesBefore = viewer.binaryFrames();

        AssetFile copy = new AssetFile("assets/copy-of-a.png", new byte[] {9, 9});
        running.publish(seq -> new ServerMessage.AssetUpdate(new UpdateMeta(seq, List.of(copy.path()), 1000, Map.of()),
                List.of(copy), List.of()));

        assertThat(((ServerMessage.AssetUpdate) viewer.nextMessage()).assets()).containsExactly(copy);
        assertThat(viewer.binaryFrames()).isEqualTo(framesBefore);
    }
}
