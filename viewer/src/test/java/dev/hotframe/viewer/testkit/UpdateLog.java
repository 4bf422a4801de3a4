package dev.hotframe.viewer.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotframe.testing.HeadlessOutput;
import io.github.humbleui.skija.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Reads what a FrameRecorder wrote, through {@link HeadlessOutput} (the reader users' tests get):
 * update records by sequence number, the state, and frame pixels read with Skija.
 */
public final class UpdateLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final HeadlessOutput output;

    public UpdateLog(Path dir) {
        this.dir = dir;
        this.output = new HeadlessOutput(dir);
    }

    /** Waits up to 30 s for the line of update {@code seq}; the recorder writes it after that update's PNG and state. */
    public JsonNode await(long seq) {
        return await(seq, Duration.ofSeconds(30));
    }

    /** Waits up to {@code timeout} for the line of update {@code seq}. */
    public JsonNode await(long seq, Duration timeout) {
        return output.awaitUpdate(seq, timeout, () -> false);
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

    /** The colour at ({@code x}, {@code y}) of the frame of update {@code seq}. */
    public String pixel(long seq, int x, int y) throws IOException {
        return pixel(output.frame(seq).getFileName().toString(), x, y);
    }

    /** The last written {@code state.json}. */
    public JsonNode state() throws IOException {
        return output.state();
    }
}
