package dev.hotframe.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BlobsTest {

    @Test
    void framesCarryEveryClassOnceByHash() {
        ClassFile a = new ClassFile("demo.A", new byte[] {1, 2, 3});
        ClassFile sameBytes = new ClassFile("demo.B", new byte[] {1, 2, 3});
        ClassFile c = new ClassFile("demo.C", new byte[] {9});

        List<byte[]> frames = Blobs.encode(List.of(a, sameBytes, c), 1024);

        assertThat(frames).hasSize(1);
        Map<String, byte[]> decoded = Blobs.decode(ByteBuffer.wrap(frames.get(0)), Limits.DEFAULT);
        assertThat(decoded).containsOnlyKeys(a.sha256(), c.sha256());
        assertThat(decoded.get(a.sha256())).containsExactly(1, 2, 3);
        assertThat(decoded.get(c.sha256())).containsExactly(9);
    }

    @Test
    void largeSetsAreSplitIntoFramesUnderTheLimit() {
        List<ClassFile> classes = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> new ClassFile("demo.C" + i, new byte[100 + i])).toList();

        List<byte[]> frames = Blobs.encode(classes, 300);

        assertThat(frames).hasSize(5).allSatisfy(f -> assertThat(f.length).isLessThanOrEqualTo(300));
        long total = frames.stream().mapToLong(f -> Blobs.decode(ByteBuffer.wrap(f), Limits.DEFAULT).size()).sum();
        assertThat(total).isEqualTo(10);
    }

    @Test
    void aTruncatedFrameIsRefusedWhole() {
        byte[] frame = Blobs.encode(List.of(new ClassFile("demo.A", new byte[50])), 1024).get(0);
        byte[] cut = Arrays.copyOf(frame, frame.length - 10);

        assertThatThrownBy(() -> Blobs.decode(ByteBuffer.wrap(cut), Limits.DEFAULT))
                .isInstanceOf(WireException.class)
                .hasMessage("binary frame is truncated: entry 1 of 1 claims 50 bytes, 40 remain");
    }

    @Test
    void anAlteredByteFailsTheDigest() {
        byte[] frame = Blobs.encode(List.of(new ClassFile("demo.A", new byte[50])), 1024).get(0);
        frame[frame.length - 1] ^= 1;

        assertThatThrownBy(() -> Blobs.decode(ByteBuffer.wrap(frame), Limits.DEFAULT))
                .isInstanceOf(WireException.class)
                .hasMessage("binary frame entry 1 does not match its SHA-256");
    }

    @Test
    void aFrameWithoutTheMagicIsRefused() {
        assertThatThrownBy(() -> Blobs.decode(ByteBuffer.wrap(new byte[] {'{', '}', 0, 0, 0, 1}), Limits.DEFAULT))
                .isInstanceOf(WireException.class)
                .hasMessage("binary frame does not start with HFB1");
    }

    @Test
    void aFrameOverTheLimitIsTooBig() {
        Limits small = new Limits(64, 64, 64, 2, 3, 4);

        assertThatThrownBy(() -> Blobs.decode(ByteBuffer.wrap(new byte[65]), small))
                .isInstanceOf(WireException.class)
                .extracting(e -> ((WireException) e).closeCode()).isEqualTo(Protocol.CLOSE_TOO_BIG);
    }

    @Test
    void aClassTooBigForAnyFrameIsABugNamedByItsClass() {
        assertThatThrownBy(() -> Blobs.encode(List.of(new ClassFile("demo.Huge", new byte[500])), 300))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("class demo.Huge is 500 bytes, more than a binary frame may carry (300)");
    }
}
