package dev.hotframe.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Encodes and decodes wire messages as JSON text. Thread-safe. */
public final class WireCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .build();

    public String encode(ServerMessage message) {
        return write(message, ServerMessage.class);
    }

    public String encode(ViewerMessage message) {
        return write(message, ViewerMessage.class);
    }

    /** Decodes a server message; throws {@link WireException} with the reason when it cannot. */
    public ServerMessage decodeServer(String json) {
        return read(json, ServerMessage.class);
    }

    /** Decodes a viewer message; throws {@link WireException} with the reason when it cannot. */
    public ViewerMessage decodeViewer(String json) {
        return read(json, ViewerMessage.class);
    }

    private String write(Object message, Class<?> as) {
        try {
            return mapper.writerFor(as).writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private <T> T read(String json, Class<T> as) {
        try {
            return mapper.readValue(json, as);
        } catch (JsonProcessingException e) {
            throw new WireException("malformed " + as.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
