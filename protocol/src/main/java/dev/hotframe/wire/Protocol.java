package dev.hotframe.wire;

import java.util.List;

/** Constants both sides agree on: versions, the endpoint, the token header, close codes and ping timing. */
public final class Protocol {

    /** The protocol version this build prefers. */
    public static final int VERSION = 1;

    /** Every protocol version this build speaks, newest first. */
    public static final List<Integer> SUPPORTED = List.of(VERSION);

    /**
     * The websocket path viewers connect to. It carries no version: viewers of any version reach
     * the same endpoint, so a mismatch is answered with a message naming both sides' versions
     * instead of an HTTP 404.
     */
    public static final String PATH = "/hotframe";

    /** The HTTP route that serves files from the project's assets folder. */
    public static final String ASSETS_PATH = "/hotframe/assets";

    /** {@code GET <this>/<sha256>}: the bytes of a {@link Library} an update names, for token holders. */
    public static final String LIBRARIES_PATH = "/hotframe/libraries";

    /** The header that carries the access token. */
    public static final String TOKEN_HEADER = "Authorization";

    /** Close code: the server is shutting down, or the viewer is closing. Reconnect later. */
    public static final int CLOSE_GOING_AWAY = 1001;

    /** Close code: messages out of order (an ack before hello, a second hello). */
    public static final int CLOSE_PROTOCOL_ERROR = 1002;

    /** Close code: a binary frame from a viewer (viewers send text only). */
    public static final int CLOSE_UNSUPPORTED = 1003;

    /** Close code: a message that could not be read: invalid JSON, an unknown type, a missing field, a truncated frame. */
    public static final int CLOSE_BAD_MESSAGE = 1007;

    /** Close code: policy violation: a missing or wrong token. */
    public static final int CLOSE_POLICY = 1008;

    /** Close code: a message over the size limit. */
    public static final int CLOSE_TOO_BIG = 1009;

    /** Close code: the two sides share no protocol version. */
    public static final int CLOSE_VERSION = 4001;

    /** Close code: the peer stopped answering pings. */
    public static final int CLOSE_TIMEOUT = 4002;

    /** Seconds between the server's application pings. */
    public static final int PING_SECONDS = 10;

    /** Missed pings after which either side gives the connection up. */
    public static final int PINGS_BEFORE_TIMEOUT = 3;

    private Protocol() {
    }

    /** Formats the token header value. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The highest version both lists contain, or 0 when they share none. */
    public static int negotiate(List<Integer> ours, List<Integer> theirs) {
        return ours.stream().filter(theirs::contains).mapToInt(Integer::intValue).max().orElse(0);
    }
}
