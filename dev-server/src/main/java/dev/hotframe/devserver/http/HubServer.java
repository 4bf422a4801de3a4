package dev.hotframe.devserver.http;

import dev.hotframe.devserver.libs.LibraryRoute;
import dev.hotframe.devserver.libs.LibraryShelf;
import dev.hotframe.devserver.session.HubSettings;
import dev.hotframe.devserver.session.UpdateHub;
import dev.hotframe.devserver.session.ViewerSocket;
import dev.hotframe.wire.Protocol;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The dev server's HTTP server: plain or TLS, it mounts {@code /health}, the authenticated
 * {@code /status}, the asset and library routes, and the hub's websocket endpoint.
 */
public final class HubServer implements AutoCloseable {

    private final HubSettings settings;
    private final UpdateHub hub;
    private final ViewerSocket socket;
    private final Supplier<Map<String, Object>> status;
    private LibraryShelf libraries;
    private Javalin server;

    /** @param status extra fields for the authenticated {@code /status} endpoint */
    public HubServer(HubSettings settings, UpdateHub hub, Supplier<Map<String, Object>> status) {
        this.settings = settings;
        this.hub = hub;
        this.socket = new ViewerSocket(hub);
        this.status = status;
    }

    /** Serves the libraries on {@code shelf} to token holders under {@link Protocol#LIBRARIES_PATH}; call before {@link #start()}. */
    public HubServer serveLibraries(LibraryShelf shelf) {
        this.libraries = shelf;
        return this;
    }

    /** Starts listening; port 0 picks a free port. */
    public HubServer start() {
        server = Javalin.create(this::configure).start(settings.host(), settings.port());
        socket.start();
        return this;
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
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
        socket.mount(config);
    }

    /** The hub this server mounts. */
    public UpdateHub hub() {
        return hub;
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** The websocket URL viewers connect to. */
    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return (settings.tls() == null ? "ws://" : "wss://") + host + ":" + port() + Protocol.PATH;
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
        body.put("serverId", hub.serverId());
        body.put("seq", hub.seq());
        body.put("viewers", hub.viewers());
        ctx.json(body);
    }

    @Override
    public void close() {
        socket.close();
        if (server != null) {
            server.stop();
        }
    }
}
