package dev.hotframe.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class HeadlessOutputTest {

    @TempDir
    Path dir;

    @Test
    void readsOnlyWholeLinesAndFollowsWhatIsAppended() throws Exception {
        HeadlessOutput output = new HeadlessOutput(dir);
        assertThat(output.updates()).isEmpty();
        assertThat(output.lastSeq()).isEqualTo(-1);

        append("{\"seq\": 0, \"tier\": \"snapshot\"}\n{\"seq\": 1, \"ti");
        assertThat(output.updates()).hasToString("[{\"seq\":0,\"tier\":\"snapshot\"}]");
        append("er\": \"scene\"}\n");

        assertThat(output.updates()).hasToString("[{\"seq\":0,\"tier\":\"snapshot\"}, {\"seq\":1,\"tier\":\"scene\"}]");
        assertThat(output.update(1)).hasToString("{\"seq\":1,\"tier\":\"scene\"}");
        assertThat(output.update(2)).isNull();
        assertThat(output.lastSeq()).isEqualTo(1);
    }

    @Test
    void awaitUpdateReturnsTheRecordOnceItIsWritten() throws Exception {
        HeadlessOutput output = new HeadlessOutput(dir).pollingEvery(Duration.ofMillis(1));
        Thread writer = new Thread(() -> {
            try {
                append("{\"seq\": 0, \"ok\": true}\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "log-writer");
        writer.start();

        assertThat(output.awaitUpdate(0, Duration.ofSeconds(10), () -> false)).hasToString("{\"seq\":0,\"ok\":true}");
        writer.join();
    }

    @Test
    void awaitUpdateFailsAtOnceWhenAProcessDiedAndAtTheDeadlineOtherwise() throws Exception {
        append("{\"seq\": 0}\n");
        HeadlessOutput output = new HeadlessOutput(dir);

        assertThatThrownBy(() -> output.awaitUpdate(1, Duration.ofMinutes(5), () -> true))
                .isInstanceOf(AssertionError.class)
                .hasMessage("no update #1 in " + dir.resolve("updates.jsonl") + ": a process died; updates so far: [{\"seq\":0}]");
        assertThatThrownBy(() -> output.awaitUpdate(1, Duration.ofMillis(50), () -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessage("no update #1 in " + dir.resolve("updates.jsonl") + " within PT0.05S; updates so far: [{\"seq\":0}]");
    }

    @Test
    void readsTheStateAndThePixelsOfAFrame() throws Exception {
        Files.writeString(dir.resolve("state.json"), "{\"clicks\": 3}");
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(2, 1, 0xFF3366FF);
        ImageIO.write(image, "png", dir.resolve("frame-7.png").toFile());
        HeadlessOutput output = new HeadlessOutput(dir);

        assertThat(output.state()).hasToString("{\"clicks\":3}");
        assertThat(output.pixel(7, 2, 1)).isEqualTo(0xFF3366FF);
        assertThat(output.pixel(7, 0, 0)).isEqualTo(0);
    }

    @Test
    void parsesAWholeLogLeavingOutAnUnfinishedLastLine() {
        assertThat(HeadlessOutput.parseUpdates("{\"seq\": 0}\n\n{\"seq\": 1}\n{\"seq\"")).hasToString("[{\"seq\":0}, {\"seq\":1}]");
        assertThatThrownBy(() -> HeadlessOutput.parse("{oops")).hasMessage("not JSON: {oops");
    }

    private void append(String text) throws Exception {
        Files.writeString(dir.resolve("updates.jsonl"), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
