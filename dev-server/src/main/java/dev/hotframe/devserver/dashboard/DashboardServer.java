package dev.hotframe.devserver.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.devserver.session.AccessToken;
import dev.hotframe.devserver.session.HubSettings;
import dev.hotframe.devserver.session.UpdateHub;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.ViewerMessage;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's web server, on its own port so that the viewers' websocket endpoint stays
 * free of browser concerns. It serves one plain HTML/JS/CSS page from the jar's resources, the
 * model as JSON ({@code /api/model}) and as server-sent events ({@code /api/events}, pushed
 * after every change), and the actions that reach viewers: inspect and edit a viewer's state,
 * fetch its latest frame, undo or restart the app on every viewer. Access: see {@link DashboardAccess}.
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);
    private static final long ANSWER_SECONDS = 5;
    private static final Map<String, String> FILES = Map.of("/", "index.html", "/dashboard.js", "dashboard.js",
            "/dashboard.css", "dashboard.css");

    /** Where and how to serve; {@code editorUrl} is a template such as {@code vscode://file/{file}:{line}:{column}}, or null. */
    public record Settings(String host, int port, AccessToken token, String editorUrl) {
        public Settings {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("'port' must be in 0..65535, was " + port);
            }
        }
    }

    private final Settings settings;
    private final UpdateHub hub;
    private final DashboardModel model;
    private final PendingRequests pending = new PendingRequests();
    private final DashboardAccess access;
    private final ObjectMapper json = new ObjectMapper();
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pushScheduled = new AtomicBoolean();
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hotframe-dashboard-push");
        t.setDaemon(true);
        return t;
    });
    private Javalin server;

    public DashboardServer(Settings settings, UpdateHub hub, DashboardSources sources) {
        this.settings = settings;
        this.hub = hub;
        this.access = new DashboardAccess(settings.token(), HubSettings.isLoopback(settings.host()));
        this.model = new DashboardModel(new DashboardModel.Sources(hub::viewers, sources.problems(), sources.server()),
                new ProblemView(sources.root(), sources.javaSources(), settings.editorUrl()), this::changed);
        hub.listen(model);
        hub.listen(pending);
    }

    /** Starts listening; port 0 picks a free one. */
    public DashboardServer start() {
        server = Javalin.create(this::configure).start(settings.host(), settings.port());
        return this;
    }

    public int port() {
        return server.port();
    }

    /** The URL to open, with the token: the first visit exchanges it for a cookie. */
    public String url() {
        String host = settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "127.0.0.1" : settings.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/?token=" + settings.token().value();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.routes.before(this::guard);
        FILES.forEach((path, file) -> config.routes.get(path, ctx -> resource(ctx, file)));
        config.routes.get("/api/model", ctx -> ctx.contentType("application/json").result(model.json(json)));
        config.routes.sse("/api/events", this::subscribe);
        config.routes.post("/api/undo", ctx -> ctx.json(Map.of("sent", hub.broadcast(new ServerMessage.Undo(pending.unawaitedId())))));
        config.routes.post("/api/restart", ctx -> ctx.json(Map.of("sent", hub.broadcast(new ServerMessage.RestartApp(pending.unawaitedId()),
                ServerMessage.RestartApp.CAPABILITY))));
        config.routes.get("/api/viewers/{id}/state", ctx -> ctx.json(stateOf(ask(ctx.pathParam("id"), ServerMessage.InspectState::new))));
        config.routes.post("/api/viewers/{id}/state", this::edit);
        config.routes.get("/api/viewers/{id}/frame.png", this::frame);
        config.routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
    }

    private void guard(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        if (ctx.method().name().equals("GET") && access.exchangeToken(ctx)) {
            ctx.skipRemainingHandlers();
            return;
        }
        if (access.check(ctx) instanceof DashboardAccess.Refused refused) {
            log.warn("refused a dashboard request for {} from {}: {}", ctx.path(), ctx.ip(), refused.reason());
            ctx.status(401).contentType("text/plain; charset=utf-8").result("401: " + refused.reason() + "\n");
            ctx.skipRemainingHandlers();
        }
    }

    private void resource(Context ctx, String file) throws IOException {
        try (InputStream in = DashboardServer.class.getResourceAsStream("/dashboard/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the dashboard resource " + file);
            }
            String type = file.endsWith(".html") ? "text/html" : file.endsWith(".js") ? "text/javascript" : "text/css";
            ctx.contentType(type + "; charset=utf-8").result(in.readAllBytes());
        }
    }

    private void subscribe(SseClient client) {
        client.keepAlive();
        clients.add(client);
        client.onClose(() -> clients.remove(client));
        client.sendEvent("model", model.json(json));
    }

    private void changed() {
        if (pushScheduled.compareAndSet(false, true)) {
            pusher.schedule(this::push, 30, TimeUnit.MILLISECONDS);
        }
    }

    private void push() {
        pushScheduled.set(false);
        try {
            String body = model.json(json);
            clients.forEach(c -> c.sendEvent("model", body));
        } catch (RuntimeException e) {
            log.error("pushing the dashboard model failed; the page catches up with the next change", e);
        }
    }

    private void edit(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (IOException e) {
            throw new HttpResponseException(400, "the body must be JSON like {\"path\": \"/score\", \"value\": 3}: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (body == null || !body.path("path").isTextual() || !body.has("value")) {
            throw new HttpResponseException(400, "the body must be JSON like {\"path\": \"/score\", \"value\": 3}");
        }
        String path = body.get("path").asText();
        if (!path.startsWith("/")) {
            throw new HttpResponseException(400, "'path' must be a JSON Pointer starting with '/', was '" + path + "'");
        }
        ctx.json(stateOf(ask(ctx.pathParam("id"), id -> new ServerMessage.EditState(id, path, body.get("value")))));
    }

    private void frame(Context ctx) {
        ViewerMessage.Reply reply = ask(ctx.pathParam("id"), id -> new ServerMessage.CaptureFrame(id, 640));
        if (!(reply instanceof ViewerMessage.FramePreview preview) || preview.png() == null) {
            throw new HttpResponseException(409, reply instanceof ViewerMessage.FramePreview p && p.error() != null
                    ? p.error() : "the viewer sent no frame");
        }
        ctx.contentType("image/png").result(Base64.getDecoder().decode(preview.png()));
    }

    private static Map<String, Object> stateOf(ViewerMessage.Reply reply) {
        if (!(reply instanceof ViewerMessage.StateReport report)) {
            throw new HttpResponseException(502, "the viewer answered with " + reply.getClass().getSimpleName());
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("generation", report.generation());
        out.put("state", report.state());
        out.put("error", report.error());
        return out;
    }

    /** Sends a request to one viewer and waits for its answer. */
    private ViewerMessage.Reply ask(String viewerId, Function<String, ServerMessage.Request> request) {
        PendingRequests.Open open = pending.open();
        try {
            if (!hub.send(viewerId, request.apply(open.id()))) {
                throw new HttpResponseException(404, "no viewer '" + viewerId + "' is connected");
            }
            return open.reply().get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new HttpResponseException(504, "viewer '" + viewerId + "' did not answer within " + ANSWER_SECONDS + " s");
        } catch (ExecutionException e) {
            throw new HttpResponseException(502, "viewer '" + viewerId + "': " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpResponseException(503, "the dashboard is shutting down");
        } finally {
            pending.forget(open.id());
        }
    }

    @Override
    public void close() {
        pusher.shutdownNow();
        clients.forEach(SseClient::close);
        if (server != null) {
            server.stop();
        }
    }
}
