package dev.hotframe.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.hotframe.scene.SceneLimits;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Encodes and decodes wire messages as JSON text. Class bytes are not in the text: a class is
 * written as its name and SHA-256, and decoding looks the bytes up among the blobs that arrived
 * in binary frames ({@link Blobs}). Decoding checks the {@link Limits} and throws only
 * {@link WireException}. Thread-safe.
 */
public final class WireCodec {

    /**
     * The deepest JSON nesting encoded or decoded: the deepest scene the parser accepts
     * ({@link SceneLimits#JSON_DEPTH}) inside the deepest message around it, so that whatever the
     * server accepted it can send and the viewer can read. Shallow enough for any stack.
     */
    static final int MAX_DEPTH = SceneLimits.JSON_DEPTH + 16;

    private final Limits limits;
    private final ObjectMapper mapper;

    public WireCodec() {
        this(Limits.DEFAULT);
    }

    public WireCodec(Limits limits) {
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .addModule(new SimpleModule("hotframe-wire")
                        .addSerializer(ClassFile.class, new BlobJson.Writer<>(BlobJson.CLASS))
                        .addDeserializer(ClassFile.class, new BlobJson.Reader<>(BlobJson.CLASS))
                        .addSerializer(AssetFile.class, new BlobJson.Writer<>(BlobJson.ASSET))
                        .addDeserializer(AssetFile.class, new BlobJson.Reader<>(BlobJson.ASSET)))
                .build();
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Encodes and decodes one message of each kind an edit sends, thrown away, on a daemon thread,
     * so that Jackson has built its serializers before the first real edit: the first code update
     * otherwise spent about 40 ms more between the server's compiler and the viewer. Returns this codec.
     */
    public WireCodec warmInBackground() {
        Thread warmer = new Thread(() -> warm(), "hotframe-codec-warmup");
        warmer.setDaemon(true);
        warmer.start();
        return this;
    }

    /** Returns whether every warm-up message went through (a refused one would make warming useless). */
    boolean warm() {
        try {
            ClassFile code = new ClassFile("warm.Up", new byte[] {1});
            AssetFile asset = new AssetFile("assets/warm-up.bin", new byte[] {2});
            Map<String, byte[]> blobs = Map.of(code.sha256(), code.bytes(), asset.sha256(), asset.bytes());
            UpdateMeta meta = new UpdateMeta(1, List.of("warm-up"), 0, Map.of("compile", 1L));
            for (ServerMessage message : List.of(
                    new ServerMessage.CodeUpdate(meta, Tier.REDEFINE, "warm-up", List.of(code), List.of()),
                    new ServerMessage.SceneUpdate(meta, List.of(SceneChange.deleted("warm-up"))),
                    new ServerMessage.AssetUpdate(meta, List.of(asset), List.of()),
                    new ServerMessage.UpdateFailed(meta, List.of(new Diagnostic("warm-up", 1, 1, "warm-up"))))) {
                decodeServer(encode(message), blobs::get);
            }
            decodeViewer(encode(new ViewerMessage.Ack(1, true, Tier.REDEFINE, 0, 0, null, Map.of("apply", 1L))));
            return true;
        } catch (RuntimeException e) {
            return false; // only a head start: the real messages build what is missing
        }
    }

    /** The JSON text of {@code message}; its classes' bytes go separately, in {@link Blobs} frames. */
    public String encode(ServerMessage message) {
        return write(message, ServerMessage.class);
    }

    public String encode(ViewerMessage message) {
        return write(message, ViewerMessage.class);
    }

    /**
     * Decodes a server message, taking class bytes from {@code blobs} (SHA-256 hex to bytes).
     * Throws {@link MissingBlobException} when a class's bytes never arrived, and
     * {@link WireException} for anything else that is wrong with the text.
     */
    public ServerMessage decodeServer(String json, Function<String, byte[]> blobs) {
        checkSize(json, limits.textBytes());
        ServerMessage message = read(json, ServerMessage.class, blobs);
        Validation.check(message, limits);
        return message;
    }

    /** Decodes a viewer message; throws {@link WireException} with the reason when it cannot. */
    public ViewerMessage decodeViewer(String json) {
        checkSize(json, limits.viewerMessageBytes());
        return read(json, ViewerMessage.class, hash -> null);
    }

    private String write(Object message, Class<?> as) {
        try {
            return mapper.writerFor(as).writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private <T> T read(String json, Class<T> as, Function<String, byte[]> blobs) {
        if (json == null) {
            throw new WireException("malformed " + as.getSimpleName() + ": no text", null);
        }
        try {
            T value = mapper.readerFor(as).withAttribute(BlobJson.BLOBS, blobs).readValue(json);
            if (value == null) {
                throw new WireException("malformed " + as.getSimpleName() + ": null", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            MissingBlobException missing = BlobJson.missingBlob(e);
            if (missing != null) {
                throw missing;
            }
            throw new WireException("malformed " + as.getSimpleName() + ": " + describe(e), e);
        } catch (java.io.IOException e) {
            throw new WireException("malformed " + as.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !(cause instanceof JsonProcessingException)) {
            message = cause.getMessage();
        }
        var at = e.getLocation();
        return message + (at == null || at.getLineNr() < 0 ? "" : " (at " + at.getLineNr() + ":" + at.getColumnNr() + ")");
    }

    private static void checkSize(String json, int max) {
        // A char is at least one UTF-8 byte: a cheap lower bound that rejects floods before parsing.
        if (json != null && json.length() > max) {
            throw new WireException(Protocol.CLOSE_TOO_BIG, "message of " + json.length() + " characters is over the limit of "
                    + max + " bytes", null);
        }
    }
}
