package dev.hotframe.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.function.Function;
import java.util.regex.Pattern;

/** How an {@link AssetFile} appears in JSON: {@code {"path": ..., "sha256": ..., "size": ...}}, bytes elsewhere. */
final class AssetFileJson {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private AssetFileJson() {
    }

    static final class Writer extends JsonSerializer<AssetFile> {
        @Override
        public void serialize(AssetFile value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            out.writeStringField("path", value.path());
            out.writeStringField("sha256", value.sha256());
            out.writeNumberField("size", value.bytes().length);
            out.writeEndObject();
        }
    }

    static final class Reader extends JsonDeserializer<AssetFile> {
        @Override
        @SuppressWarnings("unchecked")
        public AssetFile deserialize(JsonParser in, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(in);
            if (node == null || !node.isObject()) {
                return ctxt.reportInputMismatch(AssetFile.class, "an asset must be an object with path and sha256");
            }
            JsonNode path = node.get("path");
            JsonNode sha = node.get("sha256");
            if (path == null || !path.isTextual() || AssetFile.problem(path.asText()) != null) {
                return ctxt.reportInputMismatch(AssetFile.class, "an asset needs a 'path' relative to the project"
                        + " with forward slashes and no '.' or '..' segments, was " + path);
            }
            if (sha == null || !sha.isTextual() || !HEX64.matcher(sha.asText()).matches()) {
                return ctxt.reportInputMismatch(AssetFile.class, "asset " + path.asText()
                        + " needs a 'sha256' of 64 lowercase hex digits");
            }
            Function<String, byte[]> blobs = (Function<String, byte[]>) ctxt.getAttribute(ClassFileJson.BLOBS);
            byte[] bytes = blobs == null ? null : blobs.apply(sha.asText());
            if (bytes == null) {
                throw new ClassFileJson.Missing("asset " + path.asText() + " names bytes sha256:" + sha.asText().substring(0, 12)
                        + "... that never arrived in a binary frame", in);
            }
            return new AssetFile(path.asText(), bytes, sha.asText());
        }
    }
}
