package dev.hotframe.devserver.session;

import dev.hotframe.devserver.http.AssetRoute;
import dev.hotframe.devserver.libs.LibraryRoute;
import dev.hotframe.devserver.libs.LibraryShelf;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import dev.hotframe.wire.WireException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The websocket endpoint viewers connect to ({@code protocol/PROTOCOL.md}). It authenticates
 * them, answers {@code hello} with {@code welcome} and then the updates they missed (from a
 * bounded log) or a snapshot, and sends every update to every viewer in sequence order. Joining
 * and publishing are ordered by one lock, so a viewer never misses or repeats an update. A
 * viewer that misbehaves is closed with a code saying why; nobody else notices.
 */
public final class UpdateHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UpdateHub.class);

    private final HubSettings settings;
    private final Supplier<ServerMessage.Snapshot> snapshots;
    private final Supplier<Map<String, Object>> status;
    private final WireCodec codec;
    private final String serverId = newServerId();
    private final UpgradeGuard guard;
    private final Map<String, ViewerLink> viewers = new ConcurrentHashMap<>();
    private final Map<String, Greeting> greeting = new ConcurrentHashMap<>();
    private final Object order = new Object();
    private final UpdateLog updates;
    private final Keepalive keepalive;
    private LibraryShelf libraries;
    private final List<HubEvents> listeners = new CopyOnWriteArrayList<>();
    private long seq;
    private Javalin server;

    /**
     * @param snapshots the published state a joining viewer gets, stamped with its sequence number; it may lag
     *                  what was fanned out, never run ahead of it
     * @param status    extra fields for the authenticated {@code /status} endpoint
     */
    public UpdateHub(HubSettings settings, Supplier<ServerMessage.Snapshot> snapshots, Supplier<Map<String, Object>> status) {
        this.settings = settings;
        this.snapshots = snapshots;
        this.status = status;
        this.codec = new WireCodec(settings.limits()).warmInBackground();
        this.guard = new UpgradeGuard(settings.host());
        this.updates = new UpdateLog(settings.limits().logSize());
        this.keepalive = new Keepalive(settings.pingMillis(), this::keepalive);
    }

    /** Serves the libraries on {@code shelf} to token holders under {@link Protocol#LIBRARIES_PATH}; call before {@link #start()}. */
    public UpdateHub serveLibraries(LibraryShelf shelf) {
        this.libraries = shelf;
        return this;
    }

    /** Starts listening; port 0 picks a free port. */
    public UpdateHub start() {
        server = Javalin.create(this::configure).start(settings.host(), settings.port());
        keepalive.start();
        return this;
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.modifyWebSocketServletFactory(factory -> {
            factory.setMaxTextMessageSize(settings.limits().viewerMessageBytes());
            factory.setMaxBinaryMessageSize(64 * 1024);
        });
        if (settings.tls() != null) {
            config.jetty.addConnector((jetty, http) -> TlsConnector.create(jetty, http, settings));
        }
        config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok", "protocols", Protocol.SUPPORTED)));
        config.routes.get("/status", this::status);
        if (settings.assets() != null) {
            AssetRoute assets = new AssetRoute(settings.assets(), this::authorized);
            config.routes.get(Protocol.ASSETS_PATH + "/<path>", assets::handle);
        }
        if (libraries != null) {
            LibraryRoute route = new LibraryRoute(libraries, this::authorized);
            config.routes.get(Protocol.LIBRARIES_PATH + "/{sha256}", route::handle);
        }
        config.routes.wsBeforeUpgrade(Protocol.PATH, guard::check);
        config.routes.ws(Protocol.PATH, this::socket);
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** This server's identity; a restarted server has a new one, so viewers know to resynchronize. */
    public String serverId() {
        return serverId;
    }

    /** The websocket URL viewers connect to. */
    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return (settings.tls() == null ? "ws://" : "wss://") + host + ":" + port() + Protocol.PATH;
    }

    /**
     * Sends an update, numbered by the publisher, to every viewer and keeps it for viewers that
     * catch up. An update too large to send goes out as a failure that says so.
     */
    public void fanOut(ServerMessage.Update update) {
        Outgoing out;
        synchronized (order) {
            out = encode(update);
            updates.add(out.message);
            seq = out.message.meta().seq();
            viewers.values().forEach(out::deliver);
        }
        tell(l -> l.published(out.message));
    }

    /** Tells {@code listener} about every later event on the hub. */
    public void listen(HubEvents listener) {
        listeners.add(listener);
    }

    /** Sends a request to every viewer (an {@code undo}); returns how many it went to. */
    public int broadcast(ServerMessage.Request request) {
        String text = codec.encode(request);
        synchronized (order) {
            viewers.values().forEach(link -> link.send(text));
            return viewers.size();
        }
    }

    /** Sends a request to the viewer with this id; false when no such viewer is connected. */
    public boolean send(String viewerId, ServerMessage.Request request) {
        String text = codec.encode(request);
        synchronized (order) {
            Optional<ViewerLink> link = viewers.values().stream().filter(v -> v.id().equals(viewerId)).findFirst();
            link.ifPresent(l -> l.send(text));
            return link.isPresent();
        }
    }

    /** What {@code /status} shows of each connected viewer: id, host, JDK, backend, capabilities, last ack. */
    public List<Map<String, Object>> viewers() {
        return viewers.values().stream().map(ViewerLink::describe).toList();
    }

    private void tell(Consumer<HubEvents> event) {
        for (HubEvents listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.error("a hub listener failed; the hub carries on", e);
            }
        }
    }

    private Outgoing encode(ServerMessage.Update message) {
        return Outgoing.of(message, codec);
    }

    /** The sequence number of the last update fanned out. */
    public long seq() {
        synchronized (order) {
            return seq;
        }
    }

    /** The number of viewers that have said hello and are connected. */
    public int viewerCount() {
        return viewers.size();
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
            ViewerLink gone = viewers.remove(ctx.sessionId());
            if (gone != null) {
                log.info("viewer {} disconnected ({} {})", gone.id(), ctx.status(), ctx.reason() == null ? "" : ctx.reason());
                tell(l -> l.viewerLeft(gone.id(), ctx.status() + (ctx.reason() == null ? "" : " " + ctx.reason())));
            }
        });
        ws.onError(ctx -> log.debug("websocket error for session {}: {}", ctx.sessionId(), String.valueOf(ctx.error())));
    }

    private void message(WsMessageContext ctx) {
        ViewerLink link = viewers.get(ctx.sessionId());
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
                    UpdateHub.this.hello(ctx, hello);
                }
                return null;
            }

            @Override
            public Void ack(ViewerMessage.Ack ack) {
                if (link == null) {
                    refuse(ctx, Protocol.CLOSE_PROTOCOL_ERROR, "an ack before hello");
                } else {
                    acked(link, ack);
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
                    tell(l -> l.replied(link.id(), reply));
                }
                return null;
            }
        });
    }

    private void refuse(WsContext ctx, int code, String why) {
        log.warn("closing the connection from {} ({}): {}", ctx.session.getRemoteSocketAddress(), code, why);
        greeting.remove(ctx.sessionId());
        viewers.remove(ctx.sessionId());
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
        ViewerLink link = new ViewerLink(ctx, hello);
        String resume;
        synchronized (order) {
            Optional<List<ServerMessage.Update>> missed = serverId.equals(hello.serverId())
                    ? updates.since(hello.lastSeq(), seq) : Optional.empty();
            resume = missed.isPresent() ? ServerMessage.Welcome.CATCH_UP : ServerMessage.Welcome.SNAPSHOT;
            ServerMessage.Snapshot snapshot = missed.isPresent() ? null : snapshots.get();
            long from = snapshot == null ? seq : snapshot.meta().seq();
            link.send(codec.encode(new ServerMessage.Welcome(version, serverId, from, resume, settings.limits(),
                    (int) Math.max(1, settings.pingMillis() / 1000), version())));
            if (snapshot != null) {
                encode(snapshot).deliver(link);
                // The snapshot may lag by the update being fanned out right now; that one is in the log.
                missed = Optional.of(updates.since(from, seq).orElseThrow(() -> new IllegalStateException(
                        "a snapshot at #" + from + " is older than the update log, which starts after it; hub at #" + seq)));
            }
            missed.get().forEach(update -> encode(update).deliver(link));
            greeting.remove(ctx.sessionId());
            viewers.put(ctx.sessionId(), link);
        }
        log.info("viewer {} connected from {} (JDK {}, {} from #{})", hello.viewerId(), link.remote(), hello.jdk(), resume,
                hello.lastSeq());
        tell(l -> l.viewerJoined(hello.viewerId()));
    }

    private void acked(ViewerLink link, ViewerMessage.Ack ack) {
        link.acked(ack);
        tell(l -> l.acked(link.id(), ack));
        if (ack.ok()) {
            log.debug("viewer {} applied #{} ({}) at {}", link.id(), ack.seq(), ack.tier(), ack.renderedAtMs());
        } else {
            log.warn("viewer {} could not apply #{}: {}", link.id(), ack.seq(), ack.error());
        }
    }

    /** Pings every viewer, drops the silent ones and the connections that never said hello. */
    private void keepalive() {
        long now = System.currentTimeMillis();
        long silence = settings.pingMillis() * Protocol.PINGS_BEFORE_TIMEOUT;
        greeting.forEach((session, pending) -> {
            if (now - pending.sinceMs() > silence) {
                refuse(pending.ctx(), Protocol.CLOSE_PROTOCOL_ERROR, "no hello within " + silence + " ms");
            }
        });
        String ping = codec.encode(new ServerMessage.Ping(now));
        synchronized (order) {
            for (ViewerLink link : viewers.values()) {
                if (now - link.lastHeardMs() > silence) {
                    log.warn("viewer {} stopped answering; dropping it", link.id());
                    link.close(Protocol.CLOSE_TIMEOUT, "no answer to " + Protocol.PINGS_BEFORE_TIMEOUT + " pings");
                } else {
                    link.send(ping);
                }
            }
        }
    }

    private boolean authorized(Context ctx) {
        return settings.token().matchesPresented(ctx.header(Protocol.TOKEN_HEADER), ctx.queryParam("token"));
    }

    private void status(Context ctx) {
        if (!authorized(ctx)) {
            ctx.status(401).json(Map.of("error", "missing or wrong access token"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>(status.get());
        body.put("serverId", serverId);
        synchronized (order) {
            body.put("seq", seq);
        }
        body.put("viewers", viewers.values().stream().map(ViewerLink::describe).toList());
        ctx.json(body);
    }

    private static String truncate(String reason) {
        // A close reason must fit in a control frame (123 bytes of UTF-8).
        return reason.length() > 120 ? reason.substring(0, 117) + "..." : reason;
    }

    private static String version() {
        String v = UpdateHub.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** A connection that passed the token check and has not said hello yet. */
    private record Greeting(WsContext ctx, long sinceMs) {
    }

    private static String newServerId() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        keepalive.close();
        if (server != null) {
            server.stop();
        }
    }

    List<String> viewerIds() {
        return viewers.values().stream().map(ViewerLink::id).toList();
    }
}
