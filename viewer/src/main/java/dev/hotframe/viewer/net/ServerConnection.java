package dev.hotframe.viewer.net;

import dev.hotframe.viewer.libs.LibraryCache;
import dev.hotframe.wire.MissingBlobException;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.UpdateHeader;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import dev.hotframe.wire.WireException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a websocket to the dev server open ({@code protocol/PROTOCOL.md}): opens it, says hello
 * with what the viewer holds, reads its frames and hands each message to a {@link Dispatch},
 * sends acks and replies in order, and gives a closed, broken or silent link to the
 * {@link Reconnector}. A refused token, protocol version or pin goes to the receiver's
 * {@code refusals} when retrying cannot help.
 */
public final class ServerConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerConnection.class);

    /** What the connection is doing, for the window title and the overlay. */
    public enum State { CONNECTING, CONNECTED, DISCONNECTED }

    private final AddressSource address;
    private final String viewerId;
    private final String backend;
    private final Receiver receiver;
    private final WireCodec codec = new WireCodec().warmInBackground();
    private final BlobStore blobs = new BlobStore();
    private final UpdateStream updates;
    private final Reconnector reconnector = new Reconnector(this::connect, this::silent);
    private volatile WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private String lastProblem;
    private int attempt;

    /**
     * @param address   resolved again before every attempt, so a restarted local server is found
     * @param backend   the render backend, named in the hello (as a {@code backend:NAME} capability) for the dashboard
     * @param libraries where the libraries updates name are fetched to before the update is handed on
     */
    public ServerConnection(AddressSource address, String viewerId, String backend, Receiver receiver,
                            LibraryCache libraries) {
        this.address = address;
        this.viewerId = viewerId;
        this.backend = Objects.requireNonNull(backend, "'backend' must not be null");
        this.receiver = receiver;
        this.updates = new UpdateStream(blobs, libraries, receiver.updates());
    }

    public void start() {
        reconnector.start();
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
        reconnector.execute(() -> {
            updates.forget();
            WebSocket ws = socket;
            if (ws != null) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "resynchronizing");
            }
        });
    }

    private void connect() {
        if (reconnector.closed()) {
            return;
        }
        receiver.states().accept(State.CONNECTING);
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
        target.httpClient().newWebSocketBuilder()
                .header(Protocol.TOKEN_HEADER, Protocol.bearer(target.token()))
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(target.url(), new Listener(target))
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        log.debug("cannot connect to {}: {}", target.url(), error.toString());
                        PinnedTrust.Mismatch mismatch = PinnedTrust.mismatchIn(error);
                        if (mismatch != null) {
                            receiver.states().accept(State.DISCONNECTED);
                            receiver.refusals().accept(mismatch.getMessage());
                        } else if (attempt == thisAttempt) {
                            retry();
                        }
                    } else {
                        reconnector.heard();
                        socket = ws;
                        reconnector.execute(() -> hello(ws));
                    }
                });
    }

    private void hello(WebSocket ws) {
        if (socket == ws) {
            send(updates.hello(viewerId, List.of("redefine", "reload", "restart", "undo", ServerMessage.RestartApp.CAPABILITY, "scene", "inspect",
                    "backend:" + backend)));
        }
    }

    private void retry() {
        if (reconnector.closed()) {
            return;
        }
        receiver.states().accept(State.DISCONNECTED);
        reconnector.retry();
    }

    /** Gives up a link that has been silent for three ping periods: the server or the network is gone. */
    private void silent(long limitMs) {
        WebSocket ws = socket;
        if (ws != null) {
            log.info("the dev server has been silent for {} ms; reconnecting", limitMs);
            socket = null;
            ws.abort();
            retry();
        }
    }

    /** One websocket's listener: puts frames together, decodes them and dispatches each message, in order. */
    private final class Listener implements WebSocket.Listener {
        private final IncomingFrames frames = new IncomingFrames(codec.limits(), blobs);
        private final Dispatch dispatch;

        Listener(ServerAddress from) {
            dispatch = new Dispatch(from, reconnector, updates, receiver, ServerConnection.this::send, ServerConnection.this::resync);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            reconnector.heard();
            String text;
            try {
                text = frames.text(data, last);
            } catch (WireException e) {
                drop(ws, e.closeCode(), e.getMessage());
                return null;
            }
            if (text != null) {
                try {
                    codec.decodeServer(text, blobs::get).accept(dispatch);
                } catch (MissingBlobException e) {
                    log.warn("{}; resynchronizing", e.getMessage());
                    resync();
                } catch (WireException e) {
                    Optional<UpdateHeader> header = UpdateHeader.of(text);
                    if (header.isEmpty()) {
                        drop(ws, e.closeCode(), "cannot read a message from the server: " + e.getMessage());
                        return null;
                    }
                    dispatch.unreadable(header.get(), e.getMessage());
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            reconnector.heard();
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
            if (status == Protocol.CLOSE_VERSION || (status == Protocol.CLOSE_POLICY && !address.refreshesToken())) {
                receiver.states().accept(State.DISCONNECTED);
                receiver.refusals().accept("the dev server refused this viewer: "
                        + (dispatch.refusal() != null ? dispatch.refusal() : reason));
                return null;
            }
            if (!reconnector.closed()) {
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
            if (!reconnector.closed()) {
                log.info("lost the dev server ({}); reconnecting", error.toString());
            }
            retry();
        }
    }

    @Override
    public void close() {
        WebSocket ws = socket;
        reconnector.close();
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "viewer closed").orTimeout(1, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        updates.close();
    }
}
