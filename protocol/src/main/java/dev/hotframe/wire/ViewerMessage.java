package dev.hotframe.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Everything a viewer sends to the dev server, always as text frames. See {@code protocol/PROTOCOL.md}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ViewerMessage.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ViewerMessage.Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = ViewerMessage.Pong.class, name = "pong"),
})
public sealed interface ViewerMessage {

    /** Calls the handler's method for this message; a new message type breaks every handler at compile time. */
    <R> R accept(Handler<R> handler);

    /** One method per viewer message, so that dispatch cannot leave a type unhandled. */
    interface Handler<R> {
        R hello(Hello message);

        R ack(Ack message);

        R pong(Pong message);
    }

    /**
     * The first message on a connection. {@code protocols} lists the versions the viewer speaks.
     * To resume, it names the server it last followed and the last update it applied
     * ({@code serverId} null and {@code lastSeq} 0 for a fresh viewer), and the classes whose
     * bytes it holds (name to SHA-256, see {@link HeldClasses}) and the assets it holds (path to
     * SHA-256, see {@link HeldAssets}), which the server then does not send again.
     */
    record Hello(List<Integer> protocols, String viewerId, String jdk, List<String> capabilities, String serverId,
                 long lastSeq, Map<String, String> have, Map<String, String> assets) implements ViewerMessage {
        public Hello {
            protocols = List.copyOf(protocols == null ? List.of() : protocols);
            Objects.requireNonNull(viewerId, "'viewerId' must not be null");
            jdk = jdk == null ? "unknown" : jdk;
            capabilities = List.copyOf(capabilities == null ? List.of() : capabilities);
            have = Map.copyOf(have == null ? Map.of() : have);
            assets = Map.copyOf(assets == null ? Map.of() : assets);
        }

        /** A hello from a viewer that holds no assets. */
        public Hello(List<Integer> protocols, String viewerId, String jdk, List<String> capabilities, String serverId,
                     long lastSeq, Map<String, String> have) {
            this(protocols, viewerId, jdk, capabilities, serverId, lastSeq, have, Map.of());
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.hello(this);
        }
    }

    /**
     * Update {@code seq} was applied ({@code ok}) or refused, with the tier it was applied at
     * (which may be higher than the server asked for), the viewer's wall-clock times and its
     * phase timings in milliseconds ({@code decode}, {@code apply}, {@code render}).
     */
    record Ack(long seq, boolean ok, String tier, long appliedAtMs, long renderedAtMs, String error,
               Map<String, Long> phasesMs) implements ViewerMessage {
        public Ack {
            Objects.requireNonNull(tier, "'tier' must not be null");
            phasesMs = Map.copyOf(phasesMs == null ? Map.of() : phasesMs);
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.ack(this);
        }
    }

    /** The answer to a {@code ping}, echoing its time so the server can see the round trip. */
    record Pong(long sentAtMs) implements ViewerMessage {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.pong(this);
        }
    }
}
