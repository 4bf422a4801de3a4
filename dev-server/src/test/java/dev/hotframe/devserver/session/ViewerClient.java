package dev.hotframe.devserver.session;

import dev.hotframe.wire.Blobs;
import dev.hotframe.wire.Limits;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.WireCodec;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real websocket client (the JDK's) that records the text messages, keeps the class bytes
 * that arrive in binary frames, and records the close it receives.
 */
public final class ViewerClient implements WebSocket.Listener {

    private static final WireCodec CODEC = new WireCodec();

    /** How the server closed the connection. */
    public record Close(int code, String reason) {
    }

    private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final ByteArrayOutputStream partialBinary = new ByteArrayOutputStream();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final java.util.Set<String> received = ConcurrentHashMap.newKeySet();
    private final AtomicInteger binaryFrames = new AtomicInteger();
    private final dev.hotframe.wire.BlobChunks.Assembly chunks = new dev.hotframe.wire.BlobChunks.Assembly(Limits.DEFAULT);
    private WebSocket socket;

    /** Connects to {@code url} with {@code headers}; the returned future fails when the handshake does. */
    public static CompletableFuture<ViewerClient> connect(HttpClient http, String url, Map<String, String> headers) {
        ViewerClient client = new ViewerClient();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        return builder.buildAsync(URI.create(url), client).thenApply(ws -> {
            client.socket = ws;
            return client;
        });
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /**
     * Sends {@code text} that the server may refuse before it has all of it (a frame over the
     * limit): the server's close can end the output while the message is still being written.
     */
    public void sendRefusable(String text) {
        try {
            send(text);
        } catch (java.util.concurrent.CompletionException e) {
            if (!(e.getCause() instanceof java.io.IOException)) {
                throw e;
            }
        }
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** The next text message, waiting at most ten seconds. */
    public String next() throws InterruptedException {
        String message = messages.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within 10 s; close: " + closed.getNow(null));
        }
        return message;
    }

    /** The next message decoded, its class bytes taken from the binary frames received so far. */
    public ServerMessage nextMessage() throws InterruptedException {
        return CODEC.decodeServer(next(), blobs::get);
    }

    /** The next message that is not a ping, decoded. */
    public ServerMessage nextSkippingPings() throws InterruptedException {
        ServerMessage message = nextMessage();
        while (message instanceof ServerMessage.Ping) {
            message = nextMessage();
        }
        return message;
    }

    /** The close the server sent, waiting at most five seconds. */
    public Close awaitClose() throws Exception {
        return closed.get(5, TimeUnit.SECONDS);
    }

    public boolean hasMessages() {
        return !messages.isEmpty();
    }

    /** The SHA-256 of every class or asset received in binary frames (a chunked asset once it is whole). */
    public java.util.Set<String> blobHashes() {
        return java.util.Set.copyOf(received);
    }

    /** Puts class or asset bytes in this client's store, as a viewer that already holds them would have. */
    public void preload(dev.hotframe.wire.Blob c) {
        blobs.put(c.sha256(), c.bytes());
    }

    public int binaryFrames() {
        return binaryFrames.get();
    }

    public void abort() {
        if (socket != null) {
            socket.abort();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partialBinary.writeBytes(chunk);
        if (last) {
            ByteBuffer whole = ByteBuffer.wrap(partialBinary.toByteArray());
            Map<String, byte[]> frame = new java.util.HashMap<>();
            if (dev.hotframe.wire.BlobChunks.is(whole)) {
                chunks.accept(whole).ifPresent(e -> frame.put(e.sha256(), e.bytes()));
            } else {
                frame.putAll(Blobs.decode(whole, Limits.DEFAULT));
            }
            blobs.putAll(frame);
            received.addAll(frame.keySet());
            partialBinary.reset();
            binaryFrames.incrementAndGet();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
