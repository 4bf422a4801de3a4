package dev.hotframe.wire;

/**
 * A message that could not be decoded, with the close code the receiver answers it with. The
 * connection that sent it is closed; nothing else is affected.
 */
public class WireException extends RuntimeException {

    private final int closeCode;

    public WireException(String message, Throwable cause) {
        this(Protocol.CLOSE_BAD_MESSAGE, message, cause);
    }

    public WireException(int closeCode, String message, Throwable cause) {
        super(message, cause);
        this.closeCode = closeCode;
    }

    /** The websocket close code for this problem. */
    public int closeCode() {
        return closeCode;
    }
}
