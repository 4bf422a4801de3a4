package dev.hotframe.devserver.session;

import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import dev.hotframe.wire.WireException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The websocket endpoint viewers connect to. It authenticates them, sends each a snapshot of
 * the project when it says hello, and then every update, in sequence order. Joining and
 * publishing are ordered by one lock, so a viewer never misses or repeats an update.
 */
public final class UpdateHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UpdateHub.class);
    private static final long PING_SECONDS = 10;
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final String host;
    private final int requestedPort;
    private final AccessToken token;
    private final LongFunction<ServerMessage.Snapshot> snapshots;
    private final Supplier<Map<String, Object>> status;
    private final WireCodec codec = new WireCodec();
    private final Map<String, ViewerLink> viewers = new ConcurrentHashMap<>();
    private final Object order = new Object();
    private long seq;
    private Javalin server;

    /**
     * @param snapshots builds the snapshot a joining viewer gets, for the current sequence number
     * @param status    extra fields for the authenticated {@code /status} endpoint
     */
    public UpdateHub(String host, int port, AccessToken token, LongFunction<ServerMessage.Snapshot> snapshots,
                     Supplier<Map<String, Object>> status) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("'port' must be in 0..65535, was " + port);
        }
        this.host = host;
        this.requestedPort = port;
        this.token = token;
        this.snapshots = snapshots;
        this.status = status;
    }

    /** Starts listening; port 0 picks a free port. */
    public UpdateHub start() {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.modifyWebSocketServletFactory(factory -> {
                factory.setMaxTextMessageSize(1024 * 1024);
                factory.setMaxBinaryMessageSize(1024 * 1024);
            });
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok", "protocol", Protocol.VERSION)));
            config.routes.get("/status", this::status);
            config.routes.wsBeforeUpgrade(Protocol.PATH, this::checkUpgrade);
            config.routes.ws(Protocol.PATH, this::socket);
        }).start(host, requestedPort);
        return this;
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** The websocket URL viewers connect to. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "ws://" + shown + ":" + port() + Protocol.PATH;
    }

    /** Assigns the next sequence number, builds the message with it and sends it to every viewer. */
    public ServerMessage publish(LongFunction<ServerMessage> build) {
        synchronized (order) {
            ServerMessage message = build.apply(++seq);
            String text = codec.encode(message);
            viewers.values().forEach(v -> v.send(text));
            return message;
        }
    }

    /** The number of viewers that have said hello and are connected. */
    public int viewerCount() {
        return viewers.size();
    }

    private void checkUpgrade(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null) {
            log.warn("refused a websocket from a browser page at origin {} (viewers never send an Origin)", origin);
            throw new ForbiddenResponse("browser origins may not connect to the Hotframe dev server");
        }
        String hostHeader = ctx.header("Host");
        if (!hostAllowed(hostHeader)) {
            log.warn("refused a websocket with Host '{}' (possible DNS rebinding)", hostHeader);
            throw new ForbiddenResponse("Host '" + hostHeader + "' is not this dev server");
        }
    }

    private boolean hostAllowed(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        if (!isLoopback(host)) {
            return true;
        }
        String name = hostHeader.startsWith("[") ? hostHeader.substring(0, hostHeader.indexOf(']') + 1)
                : hostHeader.replaceFirst(":\\d+$", "");
        return LOOPBACK_NAMES.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Returns whether {@code address} names this machine's loopback interface. */
    public static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void socket(WsConfig ws) {
        ws.onConnect(ctx -> {
            if (!token.matches(presentedToken(ctx))) {
                log.warn("refused a viewer from {}: missing or wrong access token", ctx.session.getRemoteSocketAddress());
                ctx.closeSession(Protocol.CLOSE_POLICY, "missing or wrong access token");
                return;
            }
            // Jetty closes a silent socket after its idle timeout; a quiet project must not drop its viewers.
            ctx.enableAutomaticPings(PING_SECONDS, TimeUnit.SECONDS);
        });
        ws.onMessage(this::message);
        ws.onClose(ctx -> {
            ctx.disableAutomaticPings();
            ViewerLink gone = viewers.remove(ctx.sessionId());
            if (gone != null) {
                log.info("viewer {} disconnected ({} {})", gone.id(), ctx.status(), ctx.reason() == null ? "" : ctx.reason());
            }
        });
        ws.onError(ctx -> log.debug("websocket error for session {}: {}", ctx.sessionId(), String.valueOf(ctx.error())));
    }

    private static String presentedToken(WsContext ctx) {
        return presentedToken(ctx.header(Protocol.TOKEN_HEADER), ctx.queryParam("token"));
    }

    /** The token from an {@code Authorization: Bearer} header, else from the {@code token} query parameter. */
    private static String presentedToken(String header, String query) {
        return header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()).trim() : query;
    }

    private void message(WsMessageContext ctx) {
        ViewerMessage message;
        try {
            message = codec.decodeViewer(ctx.message());
        } catch (WireException e) {
            log.warn("closing session {}: {}", ctx.sessionId(), e.getMessage());
            ctx.closeSession(Protocol.CLOSE_BAD_MESSAGE, truncate(e.getMessage()));
            return;
        }
        if (message instanceof ViewerMessage.Hello hello) {
            hello(ctx, hello);
        } else if (message instanceof ViewerMessage.Ack ack) {
            ack(ctx, ack);
        } else {
            throw new IllegalStateException("unhandled viewer message " + message.getClass().getName());
        }
    }

    private void hello(WsContext ctx, ViewerMessage.Hello hello) {
        if (hello.protocolVersion() != Protocol.VERSION) {
            String why = "this dev server speaks protocol " + Protocol.VERSION + ", the viewer speaks "
                    + hello.protocolVersion() + "; use matching Hotframe versions";
            log.warn("refused viewer {}: {}", hello.viewerId(), why);
            ctx.closeSession(Protocol.CLOSE_VERSION, why);
            return;
        }
        if (!token.matches(presentedToken(ctx))) {
            ctx.closeSession(Protocol.CLOSE_POLICY, "missing or wrong access token");
            return;
        }
        ViewerLink link = new ViewerLink(ctx, hello);
        synchronized (order) {
            link.send(codec.encode(snapshots.apply(seq)));
            viewers.put(ctx.sessionId(), link);
        }
        log.info("viewer {} connected from {} (JDK {})", hello.viewerId(), ctx.session.getRemoteSocketAddress(), hello.jdk());
    }

    private void ack(WsContext ctx, ViewerMessage.Ack ack) {
        ViewerLink link = viewers.get(ctx.sessionId());
        if (link == null) {
            return;
        }
        link.acked(ack.seq());
        if (ack.ok()) {
            log.debug("viewer {} applied #{} ({}) at {}", link.id(), ack.seq(), ack.tier(), ack.renderedAtMs());
        } else {
            log.warn("viewer {} could not apply #{}: {}", link.id(), ack.seq(), ack.error());
        }
    }

    private void status(Context ctx) {
        if (!token.matches(presentedToken(ctx.header(Protocol.TOKEN_HEADER), ctx.queryParam("token")))) {
            ctx.status(401).json(Map.of("error", "missing or wrong access token"));
            return;
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>(status.get());
        synchronized (order) {
            body.put("seq", seq);
        }
        body.put("viewers", viewers.values().stream()
                .map(v -> Map.of("id", v.id(), "jdk", v.hello().jdk(), "lastAckedSeq", v.lastAckedSeq())).toList());
        ctx.json(body);
    }

    private static String truncate(String reason) {
        // A close reason must fit in a control frame (123 bytes).
        return reason.length() > 120 ? reason.substring(0, 117) + "..." : reason;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }

    List<String> viewerIds() {
        return viewers.values().stream().map(ViewerLink::id).toList();
    }
}
