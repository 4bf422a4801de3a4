package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Reads a viewer's headless output folder: the update log, the frames and the state. */
final class FrameOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    FrameOutput(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    List<JsonNode> updates() throws IOException {
        Path log = dir.resolve("updates.jsonl");
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> !l.isBlank()).map(FrameOutput::parse).toList();
        }
    }

    /** Waits for the update log line of {@code seq}; fails fast when {@code dead} turns true. */
    JsonNode awaitUpdate(long seq, BooleanSupplier dead) {
        return await("update #" + seq + " in " + dir.resolve("updates.jsonl")).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .failFast("a process died", dead::getAsBoolean)
                .until(() -> updates().stream().filter(u -> u.get("seq").asLong() == seq).findFirst().orElse(null),
                        u -> u != null);
    }

    JsonNode state() throws IOException {
        return JSON.readTree(dir.resolve("state.json").toFile());
    }

    /** The ARGB colour at {@code at} (x, y) in the frame of update {@code seq}. */
    int pixel(long seq, int[] at) throws IOException {
        return pixel(dir.resolve("frame-" + seq + ".png"), at);
    }

    static int pixel(Path png, int[] at) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as(png.toString()).isNotNull();
        return image.getRGB(at[0], at[1]);
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
