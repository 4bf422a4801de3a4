package dev.hotframe.wire;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The binary frame that carries one piece of a blob too big for a {@link Blobs} frame (a large
 * image or font):
 *
 * <pre>
 * "HFC1"      4 bytes, the magic
 * sha256     32 bytes, of the whole blob
 * total       u32, big-endian: the whole blob's length, at most {@link AssetFile#MAX_BYTES}
 * offset      u32, big-endian: where this piece starts
 * bytes       the rest of the frame, at least 1 byte
 * </pre>
 *
 * The pieces of one blob come in order, one blob at a time, before the text that names it.
 * {@link Assembly} puts them back together and checks the digest of the whole.
 */
public final class BlobChunks {

    private static final byte[] MAGIC = "HFC1".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 32 + 4 + 4;

    private BlobChunks() {
    }

    /** Whether {@code frame} is a chunk frame (and not a {@link Blobs} frame). */
    public static boolean is(ByteBuffer frame) {
        if (frame.remaining() < MAGIC.length) {
            return false;
        }
        byte[] magic = new byte[MAGIC.length];
        frame.duplicate().get(magic);
        return Arrays.equals(magic, MAGIC);
    }

    /** Splits {@code blob} into frames of at most {@code maxFrameBytes} each. */
    public static List<byte[]> encode(Blob blob, int maxFrameBytes) {
        byte[] bytes = blob.bytes();
        if (bytes.length > AssetFile.MAX_BYTES) {
            throw new IllegalArgumentException(blob.label() + " is " + bytes.length + " bytes; the most one blob may be is "
                    + AssetFile.MAX_BYTES);
        }
        if (maxFrameBytes <= HEADER) {
            throw new IllegalArgumentException("'maxFrameBytes' must be over " + HEADER + ", was " + maxFrameBytes);
        }
        byte[] digest = HexFormat.of().parseHex(blob.sha256());
        int piece = maxFrameBytes - HEADER;
        List<byte[]> frames = new ArrayList<>();
        for (int offset = 0; offset < bytes.length || offset == 0; offset += piece) {
            int length = Math.min(piece, bytes.length - offset);
            ByteBuffer out = ByteBuffer.allocate(HEADER + length);
            out.put(MAGIC).put(digest).putInt(bytes.length).putInt(offset).put(bytes, offset, length);
            frames.add(out.array());
            if (length == 0) {
                break;
            }
        }
        return frames;
    }

    /** Reassembles chunked blobs on the receiving side. Not thread-safe: one per connection. */
    public static final class Assembly {

        private final Limits limits;
        private byte[] digest;
        private int total;
        private ByteArrayOutputStream received;

        public Assembly(Limits limits) {
            this.limits = limits;
        }

        /**
         * Takes one chunk frame; returns the whole blob (hex SHA-256 and bytes) when this was its
         * last piece. Throws {@link WireException} for a frame that is malformed, out of order,
         * too big, or completes a blob whose digest does not match.
         */
        public Optional<Blobs.Entry> accept(ByteBuffer frame) {
            ByteBuffer in = frame.duplicate();
            if (in.remaining() > limits.binaryBytes()) {
                throw new WireException(Protocol.CLOSE_TOO_BIG, "binary frame of " + in.remaining()
                        + " bytes is over the limit of " + limits.binaryBytes(), null);
            }
            try {
                in.position(in.position() + MAGIC.length);
                byte[] sha = new byte[32];
                in.get(sha);
                int whole = in.getInt();
                int offset = in.getInt();
                if (whole < 0 || whole > AssetFile.MAX_BYTES) {
                    throw bad("chunked blob claims " + Integer.toUnsignedString(whole) + " bytes; the most is " + AssetFile.MAX_BYTES);
                }
                if (received == null) {
                    if (offset != 0) {
                        throw bad("chunk at offset " + Integer.toUnsignedString(offset) + " arrived before the blob's first chunk");
                    }
                    digest = sha;
                    total = whole;
                    received = new ByteArrayOutputStream(Math.min(whole, 1 << 20));
                } else if (!Arrays.equals(sha, digest) || whole != total || offset != received.size()) {
                    throw bad("chunk out of order: expected offset " + received.size() + " of the blob in progress");
                }
                if (in.remaining() > total - received.size()) {
                    throw bad("chunk runs past the blob's end (" + total + " bytes)");
                }
                byte[] piece = new byte[in.remaining()];
                in.get(piece);
                received.writeBytes(piece);
                if (received.size() < total) {
                    return Optional.empty();
                }
                byte[] bytes = received.toByteArray();
                received = null;
                if (!Arrays.equals(digest, Sha256.digest(bytes))) {
                    throw bad("chunked blob of " + total + " bytes does not match its SHA-256");
                }
                return Optional.of(new Blobs.Entry(HexFormat.of().formatHex(digest), bytes));
            } catch (BufferUnderflowException | IllegalArgumentException e) {
                received = null;
                throw bad("chunk frame is truncated (" + frame.remaining() + " bytes)");
            } catch (WireException e) {
                received = null;
                throw e;
            }
        }
    }

    private static WireException bad(String message) {
        return new WireException(Protocol.CLOSE_BAD_MESSAGE, message, null);
    }
}
