package dev.hotframe.viewer.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.humbleui.skija.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Reads what a FrameRecorder wrote: update records by sequence number, frame pixels and the state. */
public final class UpdateLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public UpdateLog(Path dir) {
        this.dir = dir;
    }

    /** Waits for the line of update {@code seq}; the recorder writes it after that update's PNG and state. */
    public JsonNode await(long seq) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> find(seq), Objects::nonNull);
    }

    /** The record without its clock readings ({@code appliedAtMs}, {@code renderedAtMs}, {@code applyMs}, {@code viewerPhasesMs}), which are checked for order. */
    public static JsonNode timeless(JsonNode record) {
        assertThat(record.get("renderedAtMs").asLong()).isGreaterThanOrEqualTo(record.get("appliedAtMs").asLong());
        assertThat(record.get("applyMs").asLong()).isNotNegative();
        ObjectNode copy = record.deepCopy();
        copy.remove(List.of("appliedAtMs", "renderedAtMs", "applyMs", "viewerPhasesMs"));
        return copy;
    }

    public static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    /** The colour at ({@code x}, {@code y}) of a recorded frame. */
    public String pixel(String file, int x, int y) throws IOException {
        try (Image image = Image.makeDeferredFromEncodedBytes(Files.readAllBytes(dir.resolve(file)))) {
            return Pixels.at(image, x, y);
        }
    }

    /** The last written {@code state.json}. */
    public JsonNode state() throws IOException {
        return JSON.readTree(Files.readString(dir.resolve("state.json")));
    }

    private JsonNode find(long seq) throws IOException {
        Path log = dir.resolve("updates.jsonl");
        if (!Files.exists(log)) {
            return null;
        }
        String text = Files.readString(log);
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (!line.isEmpty()) {
                JsonNode record = JSON.readTree(line);
                if (record.get("seq").asLong() == seq) {
                    return record;
                }
            }
        }
        return null;
    }
}
