package dev.hotframe.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in PROTOCOL.md is real: each JSON block decodes as the message its fence names
 * and re-encodes to the same JSON (so no field is misspelt or ignored), every message type has
 * an example, and the binary frame example decodes.
 */
class ProtocolSpecTest {

    private static final Path SPEC = Path.of("PROTOCOL.md");
    private static final Pattern BLOCK = Pattern.compile("```(json server|json viewer|hex)\\n(.*?)```", Pattern.DOTALL);
    private static final byte[] GAME = HexFormat.of().parseHex("cafebabe");
    private static final byte[] PLAYER = HexFormat.of().parseHex("cafebabe0000003d");
    private static final byte[] LOGO = HexFormat.of().parseHex("89504e470d0a1a0a");
    private static final byte[] SHADER = HexFormat.of().parseHex("2f2f20736b736c");
    private static final Map<String, byte[]> BLOBS = Map.of(Sha256.hex(GAME), GAME, Sha256.hex(PLAYER), PLAYER,
            Sha256.hex(LOGO), LOGO, Sha256.hex(SHADER), SHADER);
    private static final WireCodec CODEC = new WireCodec();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Example(String kind, String body) {
        @Override
        public String toString() {
            String firstLine = body.lines().filter(l -> l.contains("\"type\"")).findFirst().orElse(body.lines().findFirst().orElse(""));
            return kind + ": " + firstLine.trim();
        }
    }

    static Stream<Example> examples() throws Exception {
        Matcher m = BLOCK.matcher(Files.readString(SPEC));
        List<Example> found = new ArrayList<>();
        while (m.find()) {
            found.add(new Example(m.group(1), m.group(2)));
        }
        return found.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleIsAValidMessageAndRoundTrips(Example example) throws Exception {
        if (example.kind().equals("hex")) {
            byte[] frame = HexFormat.of().parseHex(example.body().replaceAll("\\s", ""));
            if (BlobChunks.is(ByteBuffer.wrap(frame))) {
                Blobs.Entry whole = new BlobChunks.Assembly(Limits.DEFAULT).accept(ByteBuffer.wrap(frame)).orElseThrow();
                assertThat(whole.sha256()).isEqualTo(Sha256.hex(GAME));
                assertThat(whole.bytes()).isEqualTo(GAME);
                return;
            }
            assertThat(Blobs.decode(ByteBuffer.wrap(frame), Limits.DEFAULT)).containsOnlyKeys(Sha256.hex(GAME));
            return;
        }
        String reencoded = example.kind().equals("json server")
                ? CODEC.encode(CODEC.decodeServer(example.body(), BLOBS::get))
                : CODEC.encode(CODEC.decodeViewer(example.body()));

        assertThat(JSON.readTree(reencoded)).isEqualTo(JSON.readTree(example.body()));
    }

    @Test
    void everyMessageTypeHasAnExample() throws Exception {
        TreeSet<String> documented = new TreeSet<>();
        examples().filter(e -> !e.kind().equals("hex")).forEach(e -> {
            try {
                documented.add(JSON.readTree(e.body()).path("type").asText());
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
        });
        TreeSet<String> types = new TreeSet<>();
        Stream.of(ServerMessage.class, ViewerMessage.class).forEach(t -> {
            for (var sub : t.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value()) {
                types.add(sub.name());
            }
        });

        assertThat(documented).isEqualTo(types);
    }

    @Test
    void documentedLimitsAreTheDefaults() throws Exception {
        JsonNode welcome = examples().filter(e -> e.body().contains("\"welcome\"")).findFirst()
                .map(e -> read(e.body())).orElseThrow();

        assertThat(JSON.treeToValue(welcome.path("limits"), Limits.class)).isEqualTo(Limits.DEFAULT);
        assertThat(welcome.path("pingSeconds").asInt()).isEqualTo(Protocol.PING_SECONDS);
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
