package dev.hotframe.viewer.reload;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes one generation's app state as JSON. Each generation gets its own mapper and
 * type factory: a shared one would keep every old generation's classes alive through its caches.
 */
final class StateCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .typeFactory(TypeFactory.createDefaultInstance())
            .build();

    /** A migrated state and what could not be carried over. */
    record Migrated(Object state, List<String> warnings) {
    }

    JsonNode toTree(Object state) {
        return mapper.valueToTree(state);
    }

    String toJson(Object state) throws JsonProcessingException {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(state);
    }

    /**
     * Builds a {@code type} from the old state's JSON, field by field. Fields new in {@code type}
     * keep their initializers; fields it no longer has are dropped; a field whose value no longer
     * fits is reset to its initializer, with a warning naming it.
     */
    Migrated migrate(JsonNode old, Class<?> type) throws JsonProcessingException {
        if (type.isRecord() || !old.isObject()) {
            return new Migrated(mapper.treeToValue(old, type), List.of());
        }
        Object fresh = mapper.readValue("{}", type);
        List<String> warnings = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = old.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            ObjectNode single = mapper.createObjectNode();
            single.set(field.getKey(), field.getValue());
            try {
                mapper.readerForUpdating(fresh).readValue(single);
            } catch (java.io.IOException | IllegalArgumentException e) {
                warnings.add("state field '" + field.getKey() + "' was reset: its old value does not fit the new type ("
                        + firstLine(e.getMessage()) + ")");
            }
        }
        return new Migrated(fresh, warnings);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
