package dev.hotframe.viewer.headless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.frame.UpdateRecord;
import dev.hotframe.viewer.testkit.Pixels;
import dev.hotframe.wire.Tier;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class FrameRecorderTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path dir;

    private static Image frame(int color) {
        try (Surface surface = Surface.makeRasterN32Premul(64, 48)) {
            surface.getCanvas().clear(color);
            return surface.makeImageSnapshot();
        }
    }

    private static UpdateRecord snapshot() {
        return new UpdateRecord(1, Tier.SNAPSHOT, List.of(), 1_000, 1_010, 1_020, true, null, "started App",
                Map.of("compile", 12L), 3, 1);
    }

    private static UpdateRecord failedRedefine() {
        return new UpdateRecord(2, Tier.REDEFINE, List.of("src/demo/App.java"), 2_000, 2_015, 2_030, false,
                "java.lang.IllegalStateException in render: boom", "method body changed", Map.of(), 4, 1);
    }

    private static String pixelOfPng(Path file, int x, int y) throws Exception {
        try (Image image = Image.makeDeferredFromEncodedBytes(Files.readAllBytes(file))) {
            assertThat(image.getWidth()).isEqualTo(64);
            assertThat(image.getHeight()).isEqualTo(48);
            return Pixels.at(image, x, y);
        }
    }

    @Test
    void aRestartedServersUpdatesGetTheirOwnFramesAndEveryLineSaysWhichServerRunSentIt() throws Exception {
        FrameRecorder recorder = new FrameRecorder(dir);
        recorder.record(List.of(snapshot().from("srv-a")), frame(0xFFFF3366), "{}");
        recorder.record(List.of(failedRedefine().from("srv-a")), frame(0xFF3366FF), "{}");
        recorder.record(List.of(snapshot().from("srv-b")), frame(0xFF33FF66), "{}");
        recorder.record(List.of(failedRedefine().from("srv-b")), frame(0xFF666666), "{}");
        recorder.close();

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> lines = new java.util.ArrayList<>();
        for (String text : Files.readAllLines(dir.resolve("updates.jsonl"))) {
            var line = json.readTree(text);
            lines.add(line.get("seq").asLong() + " " + line.get("server").asText() + " " + line.path("frame").asText("-"));
        }
        assertThat(lines).containsExactly("1 srv-a -", "2 srv-a -", "1 srv-b frame-1-2.png", "2 srv-b frame-2-2.png");
        assertThat(pixelOfPng(dir.resolve("frame-1.png"), 1, 1)).as("the first run's frame is kept").isEqualTo("FFFF3366");
        assertThat(pixelOfPng(dir.resolve("frame-1-2.png"), 1, 1)).isEqualTo("FF33FF66");
    }

    @Test
    void writesFramesLatestStateAndOneLinePerRecord() throws Exception {
        FrameRecorder recorder = new FrameRecorder(dir.resolve("out"));
        recorder.record(List.of(snapshot()), frame(0xFFFF3366), "{\"clicks\": 0}");
        recorder.record(List.of(failedRedefine()), frame(0xFF3366FF), "{\"clicks\": 5}");

        recorder.close();

        Path out = dir.resolve("out");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(List.of("frame-1.png", "frame-2.png", "latest.png", "state.json", "updates.jsonl"));
        }
        byte[] latest = Files.readAllBytes(out.resolve("latest.png"));
        assertThat(Arrays.copyOf(latest, 8)).isEqualTo(PNG_SIGNATURE);
        assertThat(latest).isEqualTo(Files.readAllBytes(out.resolve("frame-2.png")));
        assertThat(pixelOfPng(out.resolve("frame-1.png"), 32, 24)).isEqualTo("FFFF3366");
        assertThat(pixelOfPng(out.resolve("latest.png"), 32, 24)).isEqualTo("FF3366FF");
        assertThat(Files.readString(out.resolve("state.json"))).isEqualTo("{\"clicks\": 5}");
        assertThat(Files.readAllLines(out.resolve("updates.jsonl"))).isEqualTo(List.of(
                "{\"seq\":1,\"tier\":\"snapshot\",\"files\":[],\"detectedAtMs\":1000,\"appliedAtMs\":1010,"
                        + "\"renderedAtMs\":1020,\"ok\":true,\"error\":null,\"reason\":\"started App\","
                        + "\"serverPhasesMs\":{\"compile\":12},\"applyMs\":3,\"generation\":1}",
                "{\"seq\":2,\"tier\":\"redefine\",\"files\":[\"src/demo/App.java\"],\"detectedAtMs\":2000,\"appliedAtMs\":2015,"
                        + "\"renderedAtMs\":2030,\"ok\":false,\"error\":\"java.lang.IllegalStateException in render: boom\","
                        + "\"reason\":\"method body changed\",\"serverPhasesMs\":{},\"applyMs\":4,\"generation\":1}"));
    }

    @Test
    void oneFrameWithSeveralRecordsWritesAFrameFileForEachInOrder() throws Exception {
        FrameRecorder recorder = new FrameRecorder(dir);
        recorder.record(List.of(snapshot(), failedRedefine()), frame(0xFF20A040), "{}");

        recorder.close();

        assertThat(Files.readAllBytes(dir.resolve("frame-1.png"))).isEqualTo(Files.readAllBytes(dir.resolve("frame-2.png")));
        assertThat(pixelOfPng(dir.resolve("frame-2.png"), 0, 0)).isEqualTo("FF20A040");
        assertThat(Files.readAllLines(dir.resolve("updates.jsonl")))
                .extracting(line -> line.substring(0, line.indexOf(',')))
                .isEqualTo(List.of("{\"seq\":1", "{\"seq\":2"));
    }

    @Test
    void createsTheOutputFolderWithItsParents() throws Exception {
        Path nested = dir.resolve("a/b/frames");

        FrameRecorder recorder = new FrameRecorder(nested);
        recorder.close();

        assertThat(recorder.dir()).isEqualTo(nested);
        assertThat(nested).isEmptyDirectory();
    }
}
