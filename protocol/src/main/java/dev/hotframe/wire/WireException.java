package dev.hotframe.wire;

/** A message that could not be decoded. The connection that sent it is closed with this message. */
public final class WireException extends RuntimeException {

    public WireException(String message, Throwable cause) {
        super(message, cause);
    }
}
