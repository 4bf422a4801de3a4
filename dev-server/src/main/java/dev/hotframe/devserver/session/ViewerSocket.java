package dev.hotframe.devserver.session;

import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import dev.hotframe.wire.WireException;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewers' websocket protocol ({@code protocol/PROTOCOL.md}) on one endpoint: it checks the
 * token, negotiates the version on {@code hello}, hands good viewers to the {@link UpdateHub},
 * passes on their acks and replies, pings them, and closes a connection that misbehaves with
 * a code saying why; nobody else notices.
 */
public final class ViewerSocket implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ViewerSocket.class);

    private final UpdateHub hub;
    private final HubSettings settings;
    private final WireCodec codec;
    private final UpgradeGuard guard;
    private final Map<String, Greeting> greeting = new ConcurrentHashMap<>();
    private final Keepalive keepalive;

    public ViewerSocket(UpdateHub hub) {
        this.hub = hub;
        this.settings = hub.settings();
        this.codec = hub.codec();
        this.guard = new UpgradeGuard(settings.host());
        this.keepalive = new Keepalive(settings.pingMillis(), this::keepalive);
    }

    /** Mounts the endpoint at {@link Protocol#PATH}, with the upgrade checks and the message size limits. */
    public void mount(JavalinConfig config) {
        config.jetty.modifyWebSocketServletFactory(factory -> {
            factory.setMaxTextMessageSize(settings.limits().viewerMessageBytes());
            factory.setMaxBinaryMessageSize(64 * 1024);
        });
        config.routes.wsBeforeUpgrade(Protocol.PATH, guard::check);
        config.routes.ws(Protocol.PATH, this::socket);
    }

    /** Starts pinging viewers and dropping silent ones. */
    public void start() {
        keepalive.start();
    }

    private void socket(WsConfig ws) {
        ws.onConnect(ctx -> {
            if (!settings.token().matchesPresented(ctx.header(Protocol.TOKEN_HEADER), ctx.queryParam("token"))) {
                log.warn("refused a viewer from {}: missing or wrong access token", ctx.session.getRemoteSocketAddress());
                ctx.closeSession(Protocol.CLOSE_POLICY, "missing or wrong access token");
                return;
            }
            greeting.put(ctx.sessionId(), new Greeting(ctx, System.currentTimeMillis()));
        });
        ws.onMessage(this::message);
        ws.onBinaryMessage(ctx -> refuse(ctx, Protocol.CLOSE_UNSUPPORTED, "viewers send text frames only"));
        ws.onClose(ctx -> {
            greeting.remove(ctx.sessionId());
            hub.left(ctx.sessionId(), ctx.status(), ctx.reason());
        });
        ws.onError(ctx -> log.debug("websocket error for session {}: {}", ctx.sessionId(), String.valueOf(ctx.error())));
    }

    private void message(WsMessageContext ctx) {
        ViewerLink link = hub.link(ctx.sessionId());
        if (link == null && !greeting.containsKey(ctx.sessionId())) {
            return; // refused already; Jetty may still deliver what was in flight
        }
        ViewerMessage message;
        try {
            message = codec.decodeViewer(ctx.message());
        } catch (WireException e) {
            refuse(ctx, e.closeCode(), e.getMessage());
            return;
        }
        if (link != null) {
            link.heard();
        }
        message.accept(new ViewerMessage.Handler<Void>() {
            @Override
            public Void hello(ViewerMessage.Hello hello) {
                if (link != null) {
                    refuse(ctx, Protocol.CLOSE_PROTOCOL_ERROR, "a second hello on one connection");
                } else {
                    ViewerSocket.this.hello(ctx, hello);
                }
                return null;
            }

            @Override
            public Void ack(ViewerMessage.Ack ack) {
                if (link == null) {
                    refuse(ctx, Protocol.CLOSE_PROTOCOL_ERROR, "an ack before hello");
                } else {
                    hub.acked(link, ack);
                }
                return null;
            }

            @Override
            public Void pong(ViewerMessage.Pong pong) {
                return null;
            }

            @Override
            public Void reply(ViewerMessage.Reply reply) {
                if (link == null) {
                    refuse(ctx, Protocol.CLOSE_PROTOCOL_ERROR, "a reply before hello");
                } else {
                    hub.replied(link, reply);
                }
                return null;
            }
        });
    }

    private void refuse(WsContext ctx, int code, String why) {
        log.warn("closing the connection from {} ({}): {}", ctx.session.getRemoteSocketAddress(), code, why);
        greeting.remove(ctx.sessionId());
        hub.forget(ctx.sessionId());
        ctx.closeSession(code, truncate(why));
    }

    private void hello(WsContext ctx, ViewerMessage.Hello hello) {
        int version = Protocol.negotiate(Protocol.SUPPORTED, hello.protocols());
        if (version == 0) {
            String why = "this dev server speaks protocol " + Protocol.SUPPORTED + ", the viewer speaks " + hello.protocols()
                    + "; use matching Hotframe versions";
            log.warn("refused viewer {}: {}", hello.viewerId(), why);
            ctx.send(codec.encode(new ServerMessage.Refused(Protocol.CLOSE_VERSION, why, Protocol.SUPPORTED)));
            greeting.remove(ctx.sessionId());
            ctx.closeSession(Protocol.CLOSE_VERSION, truncate("protocol mismatch: server " + Protocol.SUPPORTED
                    + ", viewer " + hello.protocols()));
            return;
        }
        hub.join(new ViewerLink(ctx, hello), ctx.sessionId(), version, () -> greeting.remove(ctx.sessionId()));
    }

    /** Drops the connections that never said hello, then pings every viewer and drops the silent ones. */
    private void keepalive() {
        long now = System.currentTimeMillis();
        long silence = settings.pingMillis() * Protocol.PINGS_BEFORE_TIMEOUT;
        greeting.forEach((session, pending) -> {
            if (now - pending.sinceMs() > silence) {
                refuse(pending.ctx(), Protocol.CLOSE_PROTOCOL_ERROR, "no hello within " + silence + " ms");
            }
        });
        hub.pingOrDrop(now, silence);
    }

    private static String truncate(String reason) {
        // A close reason must fit in a control frame (123 bytes of UTF-8).
        return reason.length() > 120 ? reason.substring(0, 117) + "..." : reason;
    }

    /** A connection that passed the token check and has not said hello yet. */
    private record Greeting(WsContext ctx, long sinceMs) {
    }

    @Override
    public void close() {
        keepalive.close();
    }
}
