package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Assets end to end: the real dev server and a real headless viewer, as processes, on a copy
 * of the sample app with a shader and an image in its assets folder. Each step edits an asset
 * and checks the viewer's update log: the shader recompiles in the viewer, a broken one is
 * reported with its file and line while the last good one keeps running, an image is replaced
 * and a deleted one is dropped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class AssetReloadIT {

    private static final String SHADER = "half4 main(float2 p) {\n    return half4(1, 0, 0, 1);\n}\n";

    @RegisterExtension
    static final LiveHotframe LIVE = LiveHotframe.onSampleApp(project -> {
        Path assets = Files.createDirectories(project.dir().resolve("assets/shaders"));
        Files.writeString(assets.resolve("bg.sksl"), SHADER);
        Files.write(project.dir().resolve("assets/logo.png"), png(0xFF2E7D32, 16));
    });

    @Test
    @Order(1)
    void shaderEditIsRecompiledInTheViewer() throws Exception {
        long seq = LIVE.nextSeq();
        LIVE.project().edit("assets/shaders/bg.sksl", "half4(1, 0, 0, 1)", "half4(0, 0.5, 1, 1)");

        JsonNode update = LIVE.awaitUpdate(seq);
        assertThat(update.get("tier").asText()).isEqualTo("asset");
        assertThat(update.get("ok").asBoolean()).as(update.toString()).isTrue();
        assertThat(update.get("files").toString()).isEqualTo("[\"assets/shaders/bg.sksl\"]");
        assertThat(update.get("reason").asText()).isEqualTo("1 asset: assets/shaders/bg.sksl (shader)");
    }

    @Test
    @Order(2)
    void brokenShaderIsReportedWithItsLineAndTheViewerKeepsRunning() throws Exception {
        long seq = LIVE.nextSeq();
        LIVE.project().edit("assets/shaders/bg.sksl", "return half4(0, 0.5, 1, 1);", "return colr;");

        JsonNode update = LIVE.awaitUpdate(seq);
        assertThat(update.get("tier").asText()).isEqualTo("asset");
        assertThat(update.get("ok").asBoolean()).isFalse();
        assertThat(update.get("error").asText()).isEqualTo("assets/shaders/bg.sksl:2:0: unknown identifier 'colr'");
        assertThat(LIVE.viewer().alive()).isTrue();

        long fixed = LIVE.nextSeq();
        LIVE.project().edit("assets/shaders/bg.sksl", "return colr;", "return half4(0.2, 0.2, 0.2, 1);");
        JsonNode again = LIVE.awaitUpdate(fixed);
        assertThat(again.get("ok").asBoolean()).as(again.toString()).isTrue();
        assertThat(again.get("reason").asText()).isEqualTo("1 asset: assets/shaders/bg.sksl (shader)");
    }

    @Test
    @Order(3)
    void imageIsReplacedAndThenDropped() throws Exception {
        long seq = LIVE.nextSeq();
        Files.write(LIVE.project().dir().resolve("assets/logo.png"), png(0xFFC62828, 24));

        JsonNode update = LIVE.awaitUpdate(seq);
        assertThat(update.get("tier").asText()).isEqualTo("asset");
        assertThat(update.get("ok").asBoolean()).as(update.toString()).isTrue();
        assertThat(update.get("reason").asText()).isEqualTo("1 asset: assets/logo.png (image)");

        long removed = LIVE.nextSeq();
        Files.delete(LIVE.project().dir().resolve("assets/logo.png"));
        JsonNode gone = LIVE.awaitUpdate(removed);
        assertThat(gone.get("reason").asText()).isEqualTo("1 asset: assets/logo.png (removed)");
        assertThat(gone.get("files").toString()).isEqualTo("[\"assets/logo.png\"]");
    }

    private static byte[] png(int argb, int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, argb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
