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

/**
 * How a {@link Blob} appears in JSON: its key, its hash and its size, as in
 * {@code {"name": "demo.App", "sha256": ..., "size": 812}}; the bytes travel in binary frames
 * and are looked up by hash while decoding. One {@link Shape} per blob type says what the key is.
 */
final class BlobJson {

    /** The decode attribute holding the blob lookup, hash to bytes. */
    static final String BLOBS = "hotframe.blobs";

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /** Makes a blob of type {@code T} from its key, its bytes and their hash. */
    interface Maker<T> {
        T make(String key, byte[] bytes, String sha256);
    }

    /**
     * One blob type's JSON: {@code noun} for messages ("a class"), {@code kind} before the key
     * ("class demo.App"), the {@code key} field, how to read it from a blob, what is wrong with
     * a key (null when nothing), and how to make the blob.
     */
    record Shape<T extends Blob>(Class<T> type, String noun, String kind, String key, Function<T, String> keyOf,
                                 Function<JsonNode, String> keyProblem, Maker<T> maker) {
    }

    static final Shape<ClassFile> CLASS = new Shape<>(ClassFile.class, "a class", "class", "name", ClassFile::name,
            name -> name == null || !name.isTextual() || name.asText().isEmpty() ? "a class needs a non-empty 'name'" : null,
            ClassFile::new);

    static final Shape<AssetFile> ASSET = new Shape<>(AssetFile.class, "an asset", "asset", "path", AssetFile::path,
            path -> path == null || !path.isTextual() || AssetFile.problem(path.asText()) != null
                    ? "an asset needs a 'path' relative to the project with forward slashes and no '.' or '..' segments, was "
                    + path : null,
            AssetFile::new);

    private BlobJson() {
    }

    static final class Writer<T extends Blob> extends JsonSerializer<T> {
        private final Shape<T> shape;

        Writer(Shape<T> shape) {
            this.shape = shape;
        }

        @Override
        public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            out.writeStringField(shape.key(), shape.keyOf().apply(value));
            out.writeStringField("sha256", value.sha256());
            out.writeNumberField("size", value.bytes().length);
            out.writeEndObject();
        }
    }

    static final class Reader<T extends Blob> extends JsonDeserializer<T> {
        private final Shape<T> shape;

        Reader(Shape<T> shape) {
            this.shape = shape;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser in, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(in);
            if (node == null || !node.isObject()) {
                return ctxt.reportInputMismatch(shape.type(), shape.noun() + " must be an object with " + shape.key()
                        + " and sha256");
            }
            JsonNode key = node.get(shape.key());
            JsonNode sha = node.get("sha256");
            String keyProblem = shape.keyProblem().apply(key);
            if (keyProblem != null) {
                return ctxt.reportInputMismatch(shape.type(), keyProblem);
            }
            String label = shape.kind() + " " + key.asText();
            if (sha == null || !sha.isTextual() || !HEX64.matcher(sha.asText()).matches()) {
                return ctxt.reportInputMismatch(shape.type(), label + " needs a 'sha256' of 64 lowercase hex digits");
            }
            Function<String, byte[]> blobs = (Function<String, byte[]>) ctxt.getAttribute(BLOBS);
            byte[] bytes = blobs == null ? null : blobs.apply(sha.asText());
            if (bytes == null) {
                throw new Missing(label + " names bytes sha256:" + sha.asText().substring(0, 12)
                        + "... that never arrived in a binary frame", in);
            }
            return shape.maker().make(key.asText(), bytes, sha.asText());
        }
    }

    /** Carries a missing blob through Jackson, which then wraps it; {@link #missingBlob} unwraps it. */
    static final class Missing extends JsonProcessingException {
        Missing(String message, JsonParser in) {
            super(message, in.currentLocation());
        }
    }

    /** The missing blob somewhere in {@code e}'s causes, or null. */
    static MissingBlobException missingBlob(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Missing m) {
                return new MissingBlobException(m.getOriginalMessage());
            }
        }
        return null;
    }
}
