package dev.hotframe.wire;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary frame that carries class bytes, content-addressed by SHA-256:
 *
 * <pre>
 * "HFB1"                       4 bytes, the magic
 * count                        u32, big-endian, at least 1
 * count times:
 *   sha256                     32 bytes
 *   length                     u32, big-endian
 *   bytes                      length bytes
 * </pre>
 *
 * The receiver checks every digest, so a truncated or altered frame is refused as a whole.
 */
public final class Blobs {

    private static final byte[] MAGIC = "HFB1".getBytes(StandardCharsets.US_ASCII);
    private static final int ENTRY_OVERHEAD = 32 + 4;

    private Blobs() {
    }

    /**
     * Encodes {@code classes} (class files or assets) into as few frames as fit
     * {@code maxFrameBytes} each. Blobs with the same hash are sent once. One that does not fit
     * a frame by itself goes in {@link BlobChunks} instead ({@link #fits}).
     */
    public static List<byte[]> encode(Collection<? extends Blob> classes, int maxFrameBytes) {
        Map<String, Blob> unique = new LinkedHashMap<>();
        classes.forEach(c -> unique.putIfAbsent(c.sha256(), c));
        List<byte[]> frames = new ArrayList<>();
        List<Blob> batch = new ArrayList<>();
        long size = MAGIC.length + 4;
        for (Blob c : unique.values()) {
            long entry = ENTRY_OVERHEAD + c.bytes().length;
            if (MAGIC.length + 4 + entry > maxFrameBytes) {
                throw new IllegalArgumentException(c.label() + " is " + c.bytes().length
                        + " bytes, more than a binary frame may carry (" + maxFrameBytes + ")");
            }
            if (size + entry > maxFrameBytes) {
                frames.add(frame(batch));
                batch.clear();
                size = MAGIC.length + 4;
            }
            batch.add(c);
            size += entry;
        }
        if (!batch.isEmpty()) {
            frames.add(frame(batch));
        }
        return frames;
    }

    /** Whether {@code blob} fits in one frame of {@code maxFrameBytes}; if not, it must be sent in chunks. */
    public static boolean fits(Blob blob, int maxFrameBytes) {
        return MAGIC.length + 4L + ENTRY_OVERHEAD + blob.bytes().length <= maxFrameBytes;
    }

    private static byte[] frame(List<Blob> classes) {
        int size = MAGIC.length + 4 + classes.stream().mapToInt(c -> ENTRY_OVERHEAD + c.bytes().length).sum();
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(MAGIC).putInt(classes.size());
        for (Blob c : classes) {
            out.put(HexFormat.of().parseHex(c.sha256())).putInt(c.bytes().length).put(c.bytes());
        }
        return out.array();
    }

    /**
     * Decodes one frame into bytes by hex SHA-256. Throws {@link WireException} when the frame
     * is not a blob frame, is truncated, has trailing bytes, exceeds {@code limits}, or a digest
     * does not match its bytes.
     */
    public static Map<String, byte[]> decode(ByteBuffer frame, Limits limits) {
        ByteBuffer in = frame.duplicate();
        if (in.remaining() > limits.binaryBytes()) {
            throw new WireException(Protocol.CLOSE_TOO_BIG, "binary frame of " + in.remaining()
                    + " bytes is over the limit of " + limits.binaryBytes(), null);
        }
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw bad("binary frame does not start with HFB1");
            }
            int count = in.getInt();
            if (count < 1 || count > limits.classesPerUpdate()) {
                throw bad("binary frame holds " + Integer.toUnsignedString(count) + " classes; expected 1.."
                        + limits.classesPerUpdate());
            }
            Map<String, byte[]> blobs = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                byte[] digest = new byte[32];
                in.get(digest);
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) {
                    throw bad("binary frame is truncated: entry " + (i + 1) + " of " + count + " claims "
                            + Integer.toUnsignedString(length) + " bytes, " + in.remaining() + " remain");
                }
                byte[] bytes = new byte[length];
                in.get(bytes);
                if (!Arrays.equals(digest, Sha256.digest(bytes))) {
                    throw bad("binary frame entry " + (i + 1) + " does not match its SHA-256");
                }
                blobs.put(HexFormat.of().formatHex(digest), bytes);
            }
            if (in.hasRemaining()) {
                throw bad("binary frame has " + in.remaining() + " bytes after its last entry");
            }
            return blobs;
        } catch (BufferUnderflowException e) {
            throw bad("binary frame is truncated (" + frame.remaining() + " bytes)");
        }
    }

    /** One blob as it arrived: its hex SHA-256 and its bytes. */
    public record Entry(String sha256, byte[] bytes) {
    }

    private static WireException bad(String message) {
        return new WireException(Protocol.CLOSE_BAD_MESSAGE, message, null);
    }
}
