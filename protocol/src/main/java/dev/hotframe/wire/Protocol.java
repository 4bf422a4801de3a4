package dev.hotframe.wire;

/** Constants both sides agree on. */
public final class Protocol {

    /** The protocol version this build speaks. */
    public static final int VERSION = 1;

    /** The websocket path viewers connect to. */
    public static final String PATH = "/hotframe/v1";

    /** The header that carries the access token. */
    public static final String TOKEN_HEADER = "Authorization";

    /** Close code: policy violation (missing or wrong token, refused origin). */
    public static final int CLOSE_POLICY = 1008;

    /** Close code: the peer speaks another protocol version. */
    public static final int CLOSE_VERSION = 4001;

    /** Close code: a message that could not be read. */
    public static final int CLOSE_BAD_MESSAGE = 1003;

    /** The largest message either side accepts, in bytes. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private Protocol() {
    }

    /** Formats the token header value. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
