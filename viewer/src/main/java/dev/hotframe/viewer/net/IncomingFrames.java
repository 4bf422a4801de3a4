package dev.hotframe.viewer.net;

import dev.hotframe.wire.BlobChunks;
import dev.hotframe.wire.Blobs;
import dev.hotframe.wire.Limits;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Puts the server's websocket frames back together, within the limits: text messages, and
 * binary frames (a batch of blobs, or one chunk of a big blob) whose bytes go into the blob
 * store. Owned by the websocket listener's thread; one per connection.
 */
final class IncomingFrames {

    private final StringBuilder partial = new StringBuilder();
    private final ByteArrayOutputStream partialBinary = new ByteArrayOutputStream();
    private final Limits limits;
    private final BlobChunks.Assembly chunks;
    private final BlobStore blobs;

    IncomingFrames(Limits limits, BlobStore blobs) {
        this.limits = limits;
        this.chunks = new BlobChunks.Assembly(limits);
        this.blobs = blobs;
    }

    /** The whole message once its last part has arrived, else null. Throws when it grows over the text limit. */
    String text(CharSequence data, boolean last) throws WireException {
        partial.append(data);
        if (partial.length() > limits.textBytes()) {
            partial.setLength(0);
            throw new WireException(Protocol.CLOSE_TOO_BIG, "a message from the server is over " + limits.textBytes()
                    + " bytes", null);
        }
        if (!last) {
            return null;
        }
        String text = partial.toString();
        partial.setLength(0);
        return text;
    }

    /** Takes one part of a binary frame; once it is whole, its blobs go into the store. */
    void binary(ByteBuffer data, boolean last) throws WireException {
        if (partialBinary.size() + data.remaining() > limits.binaryBytes()) {
            partialBinary.reset();
            throw new WireException(Protocol.CLOSE_TOO_BIG, "a binary frame from the server is over "
                    + limits.binaryBytes() + " bytes", null);
        }
        byte[] part = new byte[data.remaining()];
        data.get(part);
        partialBinary.writeBytes(part);
        if (!last) {
            return;
        }
        try {
            ByteBuffer frame = ByteBuffer.wrap(partialBinary.toByteArray());
            if (BlobChunks.is(frame)) {
                chunks.accept(frame).ifPresent(whole -> blobs.add(Map.of(whole.sha256(), whole.bytes())));
            } else {
                blobs.add(Blobs.decode(frame, limits));
            }
        } catch (WireException e) {
            throw new WireException(e.closeCode(), "cannot read class or asset bytes from the server: " + e.getMessage(), e);
        } finally {
            partialBinary.reset();
        }
    }
}
