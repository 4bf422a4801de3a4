package dev.hotframe.viewer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotframe.wire.AssetFile;
import dev.hotframe.wire.BlobChunks;
import dev.hotframe.wire.Blobs;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Limits;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.WireException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncomingFramesTest {

    private static final Limits SMALL = new Limits(1 << 20, 64, 4096, 100, 100, 16);

    @Test
    void textComesBackWholeOnlyAfterItsLastPart() throws WireException {
        IncomingFrames frames = new IncomingFrames(SMALL, new BlobStore());

        assertThat(frames.text("{\"type\":", false)).isNull();
        assertThat(frames.text("\"ping\"}", true)).isEqualTo("{\"type\":\"ping\"}");
        assertThat(frames.text("next", true)).isEqualTo("next");
    }

    @Test
    void textOverTheLimitIsRefusedWithTooBigAndForgotten() throws WireException {
        IncomingFrames frames = new IncomingFrames(SMALL, new BlobStore());
        frames.text("x".repeat(40), false);

        assertThatThrownBy(() -> frames.text("x".repeat(40), false))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.closeCode()).isEqualTo(Protocol.CLOSE_TOO_BIG))
                .hasMessageContaining("over 64 bytes");
        assertThat(frames.text("ok", true)).isEqualTo("ok");
    }

    @Test
    void blobFramesInPartsReachTheStore() throws WireException {
        BlobStore store = new BlobStore();
        IncomingFrames frames = new IncomingFrames(SMALL, store);
        ClassFile app = new ClassFile("demo.App", "class bytes".getBytes(StandardCharsets.UTF_8));
        AssetFile logo = new AssetFile("assets/logo.png", new byte[] {1, 2, 3});
        byte[] frame = Blobs.encode(List.of(app, logo), SMALL.binaryBytes()).get(0);

        frames.binary(ByteBuffer.wrap(frame, 0, 10), false);
        assertThat(store.get(app.sha256())).isNull();
        frames.binary(ByteBuffer.wrap(frame, 10, frame.length - 10), true);

        assertThat(store.get(app.sha256())).isEqualTo(app.bytes());
        assertThat(store.get(logo.sha256())).isEqualTo(logo.bytes());
    }

    @Test
    void aBlobBiggerThanOneFrameArrivesInChunks() throws WireException {
        BlobStore store = new BlobStore();
        IncomingFrames frames = new IncomingFrames(SMALL, store);
        byte[] bytes = new byte[10_000];
        new Random(7).nextBytes(bytes);
        AssetFile big = new AssetFile("assets/big.bin", bytes);

        List<byte[]> chunks = BlobChunks.encode(big, SMALL.binaryBytes());
        assertThat(chunks).hasSizeGreaterThan(1);
        for (byte[] chunk : chunks) {
            frames.binary(ByteBuffer.wrap(chunk), true);
        }

        assertThat(store.get(big.sha256())).isEqualTo(bytes);
    }

    @Test
    void aBrokenOrOversizedBinaryFrameNamesTheProblem() {
        IncomingFrames frames = new IncomingFrames(SMALL, new BlobStore());

        assertThatThrownBy(() -> frames.binary(ByteBuffer.wrap(new byte[5000]), true))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.closeCode()).isEqualTo(Protocol.CLOSE_TOO_BIG))
                .hasMessageContaining("over 4096 bytes");
        assertThatThrownBy(() -> frames.binary(ByteBuffer.wrap("garbage".getBytes(StandardCharsets.UTF_8)), true))
                .isInstanceOf(WireException.class)
                .hasMessageStartingWith("cannot read class or asset bytes from the server: ");
    }
}
