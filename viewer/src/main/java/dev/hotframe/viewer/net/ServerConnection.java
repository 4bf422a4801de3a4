package dev.hotframe.viewer.net;

import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import dev.hotframe.wire.WireException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a websocket to the dev server open: says hello, hands every decoded message to a
 * consumer (which must not block: the render thread picks them up), sends acks in order, and
 * reconnects with backoff when the server goes away. A refused token or protocol version is
 * reported through {@code onFatal} when retrying cannot help.
 */
public final class ServerConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerConnection.class);

    /** What the connection is doing, for the window title and the overlay. */
    public enum State { CONNECTING, CONNECTED, DISCONNECTED }

    private final Supplier<ServerAddress> address;
    private final boolean discovered;
    private final String viewerId;
    private final LongSupplier lastSeq;
    private final Consumer<ServerMessage> onMessage;
    private final Consumer<State> onState;
    private final Consumer<String> onFatal;
    private final WireCodec codec = new WireCodec();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hotframe-reconnect");
        t.setDaemon(true);
        return t;
    });
    private volatile WebSocket socket;
    private volatile boolean closed;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private long backoffMs = 200;
    private String lastProblem;

    /**
     * @param address    resolved again before every attempt, so a restarted local server is found
     * @param discovered whether the address came from the local record (then a refused token is retried)
     */
    public ServerConnection(Supplier<ServerAddress> address, boolean discovered, String viewerId, LongSupplier lastSeq,
                            Consumer<ServerMessage> onMessage, Consumer<State> onState, Consumer<String> onFatal) {
        this.address = address;
        this.discovered = discovered;
        this.viewerId = viewerId;
        this.lastSeq = lastSeq;
        this.onMessage = onMessage;
        this.onState = onState;
        this.onFatal = onFatal;
    }

    public void start() {
        retries.execute(this::connect);
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

    /** Drops the connection and connects again, which brings a fresh snapshot. */
    public void resync() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "resynchronizing");
        }
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
            if (!e.getMessage().equals(lastProblem)) {
                log.info("{}; waiting for one", e.getMessage());
            }
            lastProblem = e.getMessage();
            retry();
            return;
        }
        lastProblem = null;
        http.newWebSocketBuilder()
                .header(Protocol.TOKEN_HEADER, Protocol.bearer(target.token()))
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(target.url(), new Listener())
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        log.debug("cannot connect to {}: {}", target.url(), error.toString());
                        retry();
                    } else {
                        socket = ws;
                        backoffMs = 200;
                        log.info("connected to {}", target.url());
                        send(new ViewerMessage.Hello(Protocol.VERSION, viewerId, Runtime.version().toString(),
                                List.of("redefine", "reload", "scene"), lastSeq.getAsLong()));
                        onState.accept(State.CONNECTED);
                    }
                });
    }

    private void retry() {
        if (closed) {
            return;
        }
        onState.accept(State.DISCONNECTED);
        long delay = backoffMs;
        backoffMs = Math.min(2000, backoffMs * 2);
        retries.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (partial.length() > Protocol.MAX_MESSAGE_BYTES) {
                partial.setLength(0);
                ws.sendClose(1009, "message too big");
                return null;
            }
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    onMessage.accept(codec.decodeServer(text));
                } catch (WireException e) {
                    log.warn("ignoring a message from the server: {}", e.getMessage());
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            socket = null;
            if (status == Protocol.CLOSE_VERSION || (status == Protocol.CLOSE_POLICY && !discovered)) {
                onState.accept(State.DISCONNECTED);
                onFatal.accept("the dev server refused this viewer: " + reason);
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
        retries.shutdownNow();
    }
}
