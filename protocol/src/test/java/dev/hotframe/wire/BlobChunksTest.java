package dev.hotframe.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BlobChunksTest {

    private static final Limits LIMITS = Limits.DEFAULT;

    private static AssetFile asset(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return new AssetFile("assets/big.png", bytes);
    }

    @Test
    void aBlobTooBigForOneFrameIsSplitAndReassembled() {
        AssetFile big = asset(10_000);

        List<byte[]> frames = BlobChunks.encode(big, 1_024);

        assertThat(Blobs.fits(big, 1_024)).isFalse();
        assertThat(frames).hasSize(11).allSatisfy(f -> {
            assertThat(f.length).isLessThanOrEqualTo(1_024);
            assertThat(BlobChunks.is(ByteBuffer.wrap(f))).isTrue();
        });
        BlobChunks.Assembly assembly = new BlobChunks.Assembly(LIMITS);
        Optional<Blobs.Entry> whole = Optional.empty();
        for (int i = 0; i < frames.size(); i++) {
            whole = assembly.accept(ByteBuffer.wrap(frames.get(i)));
            assertThat(whole.isPresent()).as("complete after frame %d", i).isEqualTo(i == frames.size() - 1);
        }
        assertThat(whole.orElseThrow().sha256()).isEqualTo(big.sha256());
        assertThat(whole.orElseThrow().bytes()).isEqualTo(big.bytes());
    }

    @Test
    void blobFramesAreNotChunkFrames() {
        byte[] frame = Blobs.encode(List.of(asset(10)), 1_024).get(0);

        assertThat(BlobChunks.is(ByteBuffer.wrap(frame))).isFalse();
    }

    @Test
    void aChunkOutOfOrderIsRefused() {
        List<byte[]> frames = BlobChunks.encode(asset(3_000), 1_024);
        BlobChunks.Assembly assembly = new BlobChunks.Assembly(LIMITS);
        assembly.accept(ByteBuffer.wrap(frames.get(0)));

        assertThatThrownBy(() -> assembly.accept(ByteBuffer.wrap(frames.get(2))))
                .isInstanceOf(WireException.class)
                .hasMessage("chunk out of order: expected offset 980 of the blob in progress");
    }

    @Test
    void aChunkWithoutItsStartIsRefused() {
        List<byte[]> frames = BlobChunks.encode(asset(3_000), 1_024);

        assertThatThrownBy(() -> new BlobChunks.Assembly(LIMITS).accept(ByteBuffer.wrap(frames.get(1))))
                .isInstanceOf(WireException.class)
                .hasMessage("chunk at offset 980 arrived before the blob's first chunk");
    }

    @Test
    void anAlteredChunkFailsTheDigestOfTheWhole() {
        List<byte[]> frames = BlobChunks.encode(asset(1_500), 1_024);
        frames.get(1)[100] ^= 1;
        BlobChunks.Assembly assembly = new BlobChunks.Assembly(LIMITS);
        assembly.accept(ByteBuffer.wrap(frames.get(0)));

        assertThatThrownBy(() -> assembly.accept(ByteBuffer.wrap(frames.get(1))))
                .isInstanceOf(WireException.class)
                .hasMessage("chunked blob of 1500 bytes does not match its SHA-256")
                .extracting(e -> ((WireException) e).closeCode()).isEqualTo(Protocol.CLOSE_BAD_MESSAGE);
    }

    @Test
    void aTruncatedChunkFrameIsRefused() {
        assertThatThrownBy(() -> new BlobChunks.Assembly(LIMITS).accept(ByteBuffer.wrap("HFC1abc".getBytes())))
                .isInstanceOf(WireException.class)
                .hasMessage("chunk frame is truncated (7 bytes)");
    }

    @Test
    void aBlobOverTheAssetLimitIsABugNamedByItsLabel() {
        Blob huge = new Blob() {
            public String sha256() { return "00".repeat(32); }
            public byte[] bytes() { return new byte[AssetFile.MAX_BYTES + 1]; }
            public String label() { return "asset assets/huge.png"; }
        };

        assertThatThrownBy(() -> BlobChunks.encode(huge, 1 << 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asset assets/huge.png is 268435457 bytes; the most one blob may be is 268435456");
    }
}
