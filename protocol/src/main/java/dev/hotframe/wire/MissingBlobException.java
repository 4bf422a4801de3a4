package dev.hotframe.wire;

/**
 * A message names class bytes by hash that never arrived. The message itself was well formed;
 * the receiver lost a binary frame and should resynchronize rather than treat the peer as hostile.
 */
public final class MissingBlobException extends WireException {

    public MissingBlobException(String message) {
        super(Protocol.CLOSE_BAD_MESSAGE, message, null);
    }
}
