package dev.hotframe.devserver.session;

import dev.hotframe.devserver.http.HubServer;
import dev.hotframe.devserver.serve.Published;
import dev.hotframe.devserver.serve.Publisher;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.UpdateMeta;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/** A real {@link UpdateHub}, fed by a real {@link Publisher} and mounted on a real {@link HubServer} on 127.0.0.1, an ephemeral port and a fresh token, with clients that talk to it. */
public final class RunningHub implements AutoCloseable {

    public final AccessToken token;
    public final UpdateHub hub;
    public final HubServer server;
    public final Publisher publisher = new Publisher("demo.App", Published.EMPTY, () -> 1000);
    private volatile Consumer<ServerMessage.Update> afterFanOut = update -> { };
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ViewerClient> clients = new ArrayList<>();

    public RunningHub() {
        this(settings -> settings);
    }

    /** A hub whose settings {@code adjust} changes from the local defaults. */
    public RunningHub(java.util.function.UnaryOperator<HubSettings> adjust) {
        token = AccessToken.generate();
        HubSettings settings = adjust.apply(HubSettings.local(token));
        hub = new UpdateHub(settings, publisher::snapshot);
        server = new HubServer(settings, hub, () -> Map.of("app", "demo.App")).start();
        publisher.sendTo(update -> {
            hub.fanOut(update);
            afterFanOut.accept(update);
        });
    }

    /** Runs {@code action} after the hub has fanned out each later update, before the publisher's state moves on to it. */
    public void afterEachFanOut(Consumer<ServerMessage.Update> action) {
        afterFanOut = action;
    }

    /** Publishes the update {@code build} makes with the next sequence number, leaving the published state as it is. */
    public <U extends ServerMessage.Update> U publish(LongFunction<U> build) {
        return publisher.publish(state -> state, build);
    }

    /** A hello from a fresh viewer. */
    public static dev.hotframe.wire.ViewerMessage.Hello hello(String viewerId) {
        return new dev.hotframe.wire.ViewerMessage.Hello(Protocol.SUPPORTED, viewerId, "17.0.15", List.of(), null, 0, Map.of());
    }

    /** Connects with the token and says hello; returns the client after the welcome, before the snapshot is read. */
    public ViewerClient join(String viewerId) throws InterruptedException {
        ViewerClient viewer = connect(authorized());
        viewer.send(new dev.hotframe.wire.WireCodec().encode(hello(viewerId)));
        ServerMessage welcome = viewer.nextMessage();
        if (!(welcome instanceof ServerMessage.Welcome)) {
            throw new AssertionError("expected a welcome, got " + welcome);
        }
        return viewer;
    }

    /** What the publisher's snapshot is at {@code seq}, as long as the tests leave its state empty. */
    public static ServerMessage.Snapshot snapshot(long seq) {
        return new ServerMessage.Snapshot(new UpdateMeta(seq, List.of(), 1000, Map.of()), "demo.App", List.of(), Map.of(), List.of());
    }

    /** A sample update, as published with {@code seq}. */
    public static ServerMessage.UpdateFailed failed(long seq) {
        return new ServerMessage.UpdateFailed(new UpdateMeta(seq, List.of("src/main/java/demo/App.java"), 1000, Map.of()),
                List.of(new Diagnostic("src/main/java/demo/App.java", 12, 23, "';' expected")));
    }

    public Map<String, String> authorized() {
        return Map.of(Protocol.TOKEN_HEADER, Protocol.bearer(token.value()));
    }

    /** Connects a websocket client to the hub's URL plus {@code query}; throws when the handshake fails. */
    ViewerClient connect(String query, Map<String, String> headers) {
        ViewerClient viewer = ViewerClient.connect(http, server.url() + query, headers).join();
        clients.add(viewer);
        return viewer;
    }

    public ViewerClient connect(Map<String, String> headers) {
        return connect("", headers);
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a websocket upgrade with a chosen Host header (the JDK client does not let us set it); returns the status line. */
    String rawUpgrade(String hostHeader) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            String request = "GET " + Protocol.PATH + "?token=" + token.value() + " HTTP/1.1\r\nHost: " + hostHeader
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Override
    public void close() {
        clients.forEach(ViewerClient::abort);
        server.close();
    }
}
