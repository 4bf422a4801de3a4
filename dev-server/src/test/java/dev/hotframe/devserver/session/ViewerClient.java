package dev.hotframe.devserver.session;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real websocket client (the JDK's) that records the text messages and the close it receives. */
public final class ViewerClient implements WebSocket.Listener {

    /** How the server closed the connection. */
    public record Close(int code, String reason) {
    }

    private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
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

    /** The next text message, waiting at most ten seconds. */
    public String next() throws InterruptedException {
        String message = messages.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within 10 s; close: " + closed.getNow(null));
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
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
