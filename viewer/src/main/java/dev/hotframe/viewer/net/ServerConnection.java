package dev.hotframe.viewer.net;

import dev.hotframe.viewer.libs.LibraryCache;
import dev.hotframe.wire.Library;
import dev.hotframe.wire.MissingBlobException;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import dev.hotframe.wire.WireException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a websocket to the dev server open ({@code protocol/PROTOCOL.md}): says hello with what
 * it holds, keeps the class and asset bytes that arrive in binary frames, hands every update in sequence
 * order to a consumer (which must not block: the render thread picks them up), answers pings,
 * sends acks in order, and reconnects with backoff when the server goes away or goes silent.
 * A refused token or protocol version is reported through {@code onFatal} when retrying cannot help.
 */
public final class ServerConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerConnection.class);

    /** What the connection is doing, for the window title and the overlay. */
    public enum State { CONNECTING, CONNECTED, DISCONNECTED }

    private final Supplier<ServerAddress> address;
    private final boolean discovered;
    private final String viewerId;
    private final Consumer<ServerMessage.Update> onUpdate;
    private final Consumer<State> onState;
    private final Consumer<String> onFatal;
    private final WireCodec codec = new WireCodec().warmInBackground();
    private final BlobStore blobs = new BlobStore();
    private final LibraryCache libraries;
    private volatile ServerAddress target;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hotframe-reconnect");
        t.setDaemon(true);
        return t;
    });
    private volatile WebSocket socket;
    private volatile boolean closed;
    private volatile long lastHeardMs;
    private volatile long silenceLimitMs = Protocol.PING_SECONDS * 1000L * Protocol.PINGS_BEFORE_TIMEOUT;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private final Backoff backoff = new Backoff();
    private String lastProblem;
    private int attempt;
    // Owned by the websocket listener's thread (one message at a time).
    private final Resume resume = new Resume();
    private String refusal;
    private volatile Consumer<ServerMessage.Request> onRequest = request -> { };
    private volatile String backend;

    /**
     * @param address    resolved again before every attempt, so a restarted local server is found
     * @param discovered whether the token came from the local record or a token file, which a restarted
     *                   server rewrites (then a refused token is retried)
     * @param onUpdate   receives every update once, in sequence order
     */
    public ServerConnection(Supplier<ServerAddress> address, boolean discovered, String viewerId,
                            Consumer<ServerMessage.Update> onUpdate, Consumer<State> onState, Consumer<String> onFatal) {
        this(address, discovered, viewerId, onUpdate, onState, onFatal, LibraryCache.standard());
    }

    /** @param libraries where the libraries updates name are fetched to before the update is handed on */
    public ServerConnection(Supplier<ServerAddress> address, boolean discovered, String viewerId,
                            Consumer<ServerMessage.Update> onUpdate, Consumer<State> onState, Consumer<String> onFatal,
                            LibraryCache libraries) {
        this.libraries = libraries;
        this.address = address;
        this.discovered = discovered;
        this.viewerId = viewerId;
        this.onUpdate = onUpdate;
        this.onState = onState;
        this.onFatal = onFatal;
    }

    /** Where the dashboard's requests go (they have no sequence number); by default they are ignored. */
    public void onRequest(Consumer<ServerMessage.Request> handler) {
        onRequest = handler;
    }

    /** Names the render backend in the hello (as a {@code backend:NAME} capability), for the dashboard. */
    public void backend(String description) {
        backend = description;
    }

    public void start() {
        timer.execute(this::connect);
        timer.scheduleWithFixedDelay(this::watchdog, 1, 1, TimeUnit.SECONDS);
    }

    /** Sends {@code message} after every earlier send has completed (the JDK websocket requires that). */
    public synchronized void send(ViewerMessage message) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        String text = codec.encode(message);
        sending = sending.handle((r, e) -> null).thenCompose(v -> ws.sendText(text, true));
    }

    /** Drops the connection and connects again asking for a fresh snapshot (the viewer's state is inconsistent). */
    public void resync() {
        timer.execute(() -> {
            synchronized (this) {
                resume.forget();
            }
            WebSocket ws = socket;
            if (ws != null) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "resynchronizing");
            }
        });
    }

    private void connect() {
        if (closed) {
            return;
        }
        onState.accept(State.CONNECTING);
        ServerAddress target;
        try {
            target = address.get();
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(lastProblem)) {
                log.info("{}; waiting for one", e.getMessage());
            }
            lastProblem = e.getMessage();
            retry();
            return;
        }
        lastProblem = null;
        int thisAttempt = ++attempt;
        this.target = target;
        client(target).newWebSocketBuilder()
                .header(Protocol.TOKEN_HEADER, Protocol.bearer(target.token()))
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(target.url(), new Listener())
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        log.debug("cannot connect to {}: {}", target.url(), error.toString());
                        PinnedTrust.Mismatch mismatch = PinnedTrust.mismatchIn(error);
                        if (mismatch != null) {
                            onState.accept(State.DISCONNECTED);
                            onFatal.accept(mismatch.getMessage());
                        } else if (attempt == thisAttempt) {
                            retry();
                        }
                    } else {
                        socket = ws;
                        lastHeardMs = System.currentTimeMillis();
                        timer.execute(() -> hello(ws));
                    }
                });
    }

    /** Fetches the libraries an update names that the cache lacks, on this thread, before the update is handed on. */
    private void fetchLibraries(ServerMessage.Update update) {
        List<Library> needed = update instanceof ServerMessage.Snapshot snapshot ? snapshot.libraries()
                : update instanceof ServerMessage.CodeUpdate code && code.libraries() != null ? code.libraries() : List.of();
        ServerAddress at = target;
        if (!needed.isEmpty() && at != null) {
            libraries.fetch(needed, at.url(), at.token(), client(at));
        }
    }

    private static HttpClient client(ServerAddress target) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (target.pin() != null && "wss".equals(target.url().getScheme())) {
            builder.sslContext(PinnedTrust.context(target.pin()));
        }
        return builder.build();
    }

    private synchronized void hello(WebSocket ws) {
        if (socket != ws) {
            return;
        }
        List<String> capabilities = new java.util.ArrayList<>(List.of("redefine", "reload", "restart", "undo", "scene", "inspect"));
        if (backend != null) {
            capabilities.add("backend:" + backend);
        }
        send(new ViewerMessage.Hello(Protocol.SUPPORTED, viewerId, Runtime.version().toString(), capabilities,
                resume.serverId(), resume.lastSeq(), blobs.held(), blobs.heldAssets()));
    }

    private void retry() {
        if (closed) {
            return;
        }
        onState.accept(State.DISCONNECTED);
        timer.schedule(this::connect, backoff.next(), TimeUnit.MILLISECONDS);
    }

    /** Gives up a connection that has been silent for three ping periods: the server or the network is gone. */
    private void watchdog() {
        WebSocket ws = socket;
        if (ws != null && System.currentTimeMillis() - lastHeardMs > silenceLimitMs) {
            log.info("the dev server has been silent for {} ms; reconnecting", silenceLimitMs);
            socket = null;
            ws.abort();
            retry();
        }
    }

    /** Handles one decoded message on the listener's thread. */
    private final class Dispatch implements ServerMessage.Handler<Void> {
        private final WebSocket ws;

        Dispatch(WebSocket ws) {
            this.ws = ws;
        }

        @Override
        public Void welcome(ServerMessage.Welcome welcome) {
            silenceLimitMs = welcome.pingSeconds() * 1000L * Protocol.PINGS_BEFORE_TIMEOUT;
            backoff.reset();
            log.info("connected to the dev server (protocol {}, {}{})", welcome.protocol(), welcome.resume(),
                    welcome.resume().equals(ServerMessage.Welcome.CATCH_UP)
                            ? " from #" + resume.lastSeq() + " to #" + welcome.seq() : "");
            resume.welcomed(welcome.serverId());
            onState.accept(State.CONNECTED);
            return null;
        }

        @Override
        public Void refused(ServerMessage.Refused refused) {
            refusal = refused.reason() + " (the server speaks " + refused.serverProtocols() + ", this viewer "
                    + Protocol.SUPPORTED + ")";
            log.warn("the dev server refused this viewer: {}", refusal);
            return null;
        }

        @Override
        public Void ping(ServerMessage.Ping ping) {
            send(new ViewerMessage.Pong(ping.sentAtMs()));
            return null;
        }

        @Override
        public Void update(ServerMessage.Update update) {
            if (update instanceof ServerMessage.Snapshot) {
                resume.snapshot(update.meta().seq());
                return deliver(update);
            }
            return inOrder(update);
        }

        @Override
        public Void request(ServerMessage.Request request) {
            onRequest.accept(request);
            return null;
        }

        private Void inOrder(ServerMessage.Update update) {
            long seq = update.meta().seq();
            long last = resume.lastSeq();
            Resume.Verdict verdict = resume.next(seq);
            if (verdict == Resume.Verdict.DUPLICATE) {
                log.debug("skipping #{}: already have #{}", seq, last);
            } else if (verdict == Resume.Verdict.GAP) {
                log.warn("update #{} follows #{}: one is missing; resynchronizing", seq, last);
                resync();
            } else {
                deliver(update);
            }
            return null;
        }

        private Void deliver(ServerMessage.Update update) {
            blobs.accepted(update);
            fetchLibraries(update);
            onUpdate.accept(update);
            return null;
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final IncomingFrames frames = new IncomingFrames(codec.limits(), blobs);

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            lastHeardMs = System.currentTimeMillis();
            String text;
            try {
                text = frames.text(data, last);
            } catch (WireException e) {
                drop(ws, e.closeCode(), e.getMessage());
                return null;
            }
            if (text != null) {
                try {
                    ServerMessage message = codec.decodeServer(text, blobs::get);
                    synchronized (ServerConnection.this) {
                        message.accept(new Dispatch(ws));
                    }
                } catch (MissingBlobException e) {
                    log.warn("{}; resynchronizing", e.getMessage());
                    resync();
                } catch (WireException e) {
                    drop(ws, e.closeCode(), "cannot read a message from the server: " + e.getMessage());
                    return null;
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            lastHeardMs = System.currentTimeMillis();
            try {
                frames.binary(data, last);
            } catch (WireException e) {
                drop(ws, e.closeCode(), e.getMessage());
                return null;
            }
            ws.request(1);
            return null;
        }

        private void drop(WebSocket ws, int code, String why) {
            log.warn("{}; reconnecting", why);
            ws.sendClose(code, why.length() > 120 ? why.substring(0, 117) + "..." : why);
            ws.abort();
            if (socket == ws) {
                socket = null;
                retry();
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            if (socket != ws) {
                return null;
            }
            socket = null;
            if (status == Protocol.CLOSE_VERSION || (status == Protocol.CLOSE_POLICY && !discovered)) {
                onState.accept(State.DISCONNECTED);
                onFatal.accept("the dev server refused this viewer: " + (refusal != null ? refusal : reason));
                return null;
            }
            if (!closed) {
                log.info("disconnected from the dev server ({} {}); reconnecting", status, reason);
            }
            retry();
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (socket != ws) {
                return;
            }
            socket = null;
            if (!closed) {
                log.info("lost the dev server ({}); reconnecting", error.toString());
            }
            retry();
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "viewer closed").orTimeout(1, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        timer.shutdownNow();
    }
}
