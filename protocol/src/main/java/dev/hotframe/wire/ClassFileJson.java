package dev.hotframe.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.function.Function;
import java.util.regex.Pattern;

/** How a {@link ClassFile} appears in JSON: {@code {"name": ..., "sha256": ..., "size": ...}}, bytes elsewhere. */
final class ClassFileJson {

    /** The decode attribute holding the blob lookup. */
    static final String BLOBS = "hotframe.blobs";

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private ClassFileJson() {
    }

    static final class Writer extends JsonSerializer<ClassFile> {
        @Override
        public void serialize(ClassFile value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            out.writeStringField("name", value.name());
            out.writeStringField("sha256", value.sha256());
            out.writeNumberField("size", value.bytes().length);
            out.writeEndObject();
        }
    }

    static final class Reader extends JsonDeserializer<ClassFile> {
        @Override
        @SuppressWarnings("unchecked")
        public ClassFile deserialize(JsonParser in, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(in);
            if (node == null || !node.isObject()) {
                return ctxt.reportInputMismatch(ClassFile.class, "a class must be an object with name and sha256");
            }
            JsonNode name = node.get("name");
            JsonNode sha = node.get("sha256");
            if (name == null || !name.isTextual() || name.asText().isEmpty()) {
                return ctxt.reportInputMismatch(ClassFile.class, "a class needs a non-empty 'name'");
            }
            if (sha == null || !sha.isTextual() || !HEX64.matcher(sha.asText()).matches()) {
                return ctxt.reportInputMismatch(ClassFile.class, "class " + name.asText()
                        + " needs a 'sha256' of 64 lowercase hex digits");
            }
            Function<String, byte[]> blobs = (Function<String, byte[]>) ctxt.getAttribute(BLOBS);
            byte[] bytes = blobs == null ? null : blobs.apply(sha.asText());
            if (bytes == null) {
                throw new Missing("class " + name.asText() + " names bytes sha256:" + sha.asText().substring(0, 12)
                        + "... that never arrived in a binary frame", in);
            }
            return new ClassFile(name.asText(), bytes, sha.asText());
        }
    }

    /** Carries a missing blob through Jackson, which then wraps it; {@link #missingBlob} unwraps it. */
    static final class Missing extends JsonProcessingException {
        Missing(String message, JsonParser in) {
            super(message, in.currentLocation());
        }
    }

    static MissingBlobException missingBlob(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Missing m) {
                return new MissingBlobException(m.getOriginalMessage());
            }
        }
        return null;
    }
}
