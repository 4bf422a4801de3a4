package dev.hotframe.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Everything a viewer sends to the dev server, always as text frames. See {@code protocol/PROTOCOL.md}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ViewerMessage.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ViewerMessage.Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = ViewerMessage.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ViewerMessage.Undone.class, name = "undone"),
    @JsonSubTypes.Type(value = ViewerMessage.Restarted.class, name = "restarted"),
    @JsonSubTypes.Type(value = ViewerMessage.StateReport.class, name = "state"),
    @JsonSubTypes.Type(value = ViewerMessage.FramePreview.class, name = "frame"),
})
public sealed interface ViewerMessage {

    /** Calls the handler's method for this message; a new message type breaks every handler at compile time. */
    <R> R accept(Handler<R> handler);

    /** One method per viewer message, so that dispatch cannot leave a type unhandled. */
    interface Handler<R> {
        R hello(Hello message);

        R ack(Ack message);

        R pong(Pong message);

        R reply(Reply message);
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
     * {@code leakedGenerations}, when present, is how many generations of the app's code that the
     * viewer no longer runs are still in memory (a thread the app left running holds them); absent
     * from viewers that do not count them.
     */
    record Ack(long seq, boolean ok, Tier tier, long appliedAtMs, long renderedAtMs, String error,
               Map<String, Long> phasesMs, @JsonInclude(JsonInclude.Include.NON_NULL) Integer leakedGenerations)
            implements ViewerMessage {
        public Ack {
            Objects.requireNonNull(tier, "'tier' must not be null");
            phasesMs = Map.copyOf(phasesMs == null ? Map.of() : phasesMs);
            if (leakedGenerations != null && leakedGenerations < 0) {
                throw new IllegalArgumentException("'leakedGenerations' must not be negative, was " + leakedGenerations);
            }
        }

        /** An ack that does not count leaked generations. */
        public Ack(long seq, boolean ok, Tier tier, long appliedAtMs, long renderedAtMs, String error, Map<String, Long> phasesMs) {
            this(seq, ok, tier, appliedAtMs, renderedAtMs, error, phasesMs, null);
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

    /** The answer to a {@link ServerMessage.Request}, carrying its {@code id}. */
    sealed interface Reply extends ViewerMessage {
        String id();

        @Override
        default <R> R accept(Handler<R> handler) {
            return handler.reply(this);
        }
    }

    /**
     * The answer to {@code undo}: whether the viewer went back, why not, and the generation that
     * runs now. Also sent, with a null {@code id}, when the user pressed F2 in the viewer.
     */
    record Undone(String id, boolean ok, String reason, int generation) implements Reply {
        public Undone {
            Objects.requireNonNull(reason, "'reason' must not be null");
        }
    }

    /**
     * The answer to {@code restart-app}: whether the app was re-created, why not, and the
     * generation that runs now. Also sent, with a null {@code id}, when the user pressed F5 in the viewer.
     */
    record Restarted(String id, boolean ok, String reason, int generation) implements Reply {
        public Restarted {
            Objects.requireNonNull(reason, "'reason' must not be null");
        }
    }

    /**
     * The answer to {@code inspect-state} and {@code edit-state}: the app's state as a tree (null
     * when no app runs) and, for a refused edit or an unreadable state, {@code error} saying why.
     */
    record StateReport(String id, int generation, JsonNode state, String error) implements Reply {
        public StateReport {
            Objects.requireNonNull(id, "'id' must not be null");
            state = state == null ? NullNode.getInstance() : state;
        }
    }

    /** The answer to {@code capture-frame}: the latest frame as a base64 PNG, or {@code error} when there is none. */
    record FramePreview(String id, int width, int height, String png, String error) implements Reply {
        public FramePreview {
            Objects.requireNonNull(id, "'id' must not be null");
        }
    }
}
