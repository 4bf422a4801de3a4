package dev.hotframe.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** Everything a viewer sends to the dev server. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ViewerMessage.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ViewerMessage.Ack.class, name = "ack"),
})
public sealed interface ViewerMessage {

    /** The first message on a connection. {@code lastSeq} is the last update applied, 0 for none. */
    record Hello(int protocolVersion, String viewerId, String jdk, List<String> capabilities, long lastSeq)
            implements ViewerMessage {
        public Hello {
            capabilities = List.copyOf(capabilities == null ? List.of() : capabilities);
        }
    }

    /**
     * An update was applied ({@code ok}) or refused, with the tier it was applied at (which
     * may be higher than the server asked for) and the viewer's wall-clock times.
     */
    record Ack(long seq, boolean ok, String tier, long appliedAtMs, long renderedAtMs, String error)
            implements ViewerMessage {
    }
}
