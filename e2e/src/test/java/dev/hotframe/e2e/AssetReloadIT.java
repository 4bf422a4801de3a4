package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.testing.HeadlessOutput;
import dev.hotframe.testing.process.HotframeProcess;
import dev.hotframe.testing.project.SampleApp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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

    private SampleApp project;
    private HeadlessOutput frames;
    private HotframeProcess server;
    private HotframeProcess viewer;

    @BeforeAll
    void startServerAndViewer(@TempDir Path temp) throws Exception {
        project = Checkout.sampleApp(temp.resolve("sample-app"));
        Path assets = Files.createDirectories(project.dir().resolve("assets/shaders"));
        Files.writeString(assets.resolve("bg.sksl"), SHADER);
        Files.write(project.dir().resolve("assets/logo.png"), png(0xFF2E7D32, 16));
        frames = new HeadlessOutput(temp.resolve("frames"));
        Map<String, String> env = Map.of("HOTFRAME_HOME", temp.resolve("home").toString());
        server = HotframeProcess.java("devserver", Checkout.DEVSERVER_JAR, env, "serve", project.dir().toString(), "--port", "0");
        server.awaitReady(Duration.ofSeconds(60));
        assertThat(server.alive()).as(server.output()).isTrue();
        viewer = HotframeProcess.java("viewer", Checkout.VIEWER_JAR, env,
                "connect", "--headless", "--size", "800x600", "--frames", frames.dir().toString());
        JsonNode snapshot = awaitUpdate(0);
        assertThat(snapshot.get("tier").asText()).isEqualTo("snapshot");
        assertThat(snapshot.get("ok").asBoolean()).as(snapshot.toString()).isTrue();
    }

    @AfterAll
    void stop() throws Exception {
        HotframeProcess.closeAndPrint(viewer, server);
    }

    @Test
    @Order(1)
    void shaderEditIsRecompiledInTheViewer() throws Exception {
        long seq = next();
        project.edit("assets/shaders/bg.sksl", "half4(1, 0, 0, 1)", "half4(0, 0.5, 1, 1)");

        JsonNode update = awaitUpdate(seq);
        assertThat(update.get("tier").asText()).isEqualTo("asset");
        assertThat(update.get("ok").asBoolean()).as(update.toString()).isTrue();
        assertThat(update.get("files").toString()).isEqualTo("[\"assets/shaders/bg.sksl\"]");
        assertThat(update.get("reason").asText()).isEqualTo("1 asset: assets/shaders/bg.sksl (shader)");
    }

    @Test
    @Order(2)
    void brokenShaderIsReportedWithItsLineAndTheViewerKeepsRunning() throws Exception {
        long seq = next();
        project.edit("assets/shaders/bg.sksl", "return half4(0, 0.5, 1, 1);", "return colr;");

        JsonNode update = awaitUpdate(seq);
        assertThat(update.get("tier").asText()).isEqualTo("asset");
        assertThat(update.get("ok").asBoolean()).isFalse();
        assertThat(update.get("error").asText()).isEqualTo("assets/shaders/bg.sksl:2:0: unknown identifier 'colr'");
        assertThat(viewer.alive()).isTrue();

        long fixed = next();
        project.edit("assets/shaders/bg.sksl", "return colr;", "return half4(0.2, 0.2, 0.2, 1);");
        JsonNode again = awaitUpdate(fixed);
        assertThat(again.get("ok").asBoolean()).as(again.toString()).isTrue();
        assertThat(again.get("reason").asText()).isEqualTo("1 asset: assets/shaders/bg.sksl (shader)");
    }

    @Test
    @Order(3)
    void imageIsReplacedAndThenDropped() throws Exception {
        long seq = next();
        Files.write(project.dir().resolve("assets/logo.png"), png(0xFFC62828, 24));

        JsonNode update = awaitUpdate(seq);
        assertThat(update.get("tier").asText()).isEqualTo("asset");
        assertThat(update.get("ok").asBoolean()).as(update.toString()).isTrue();
        assertThat(update.get("reason").asText()).isEqualTo("1 asset: assets/logo.png (image)");

        long removed = next();
        Files.delete(project.dir().resolve("assets/logo.png"));
        JsonNode gone = awaitUpdate(removed);
        assertThat(gone.get("reason").asText()).isEqualTo("1 asset: assets/logo.png (removed)");
        assertThat(gone.get("files").toString()).isEqualTo("[\"assets/logo.png\"]");
    }

    private long next() throws IOException {
        return frames.updates().stream().mapToLong(u -> u.get("seq").asLong()).max().orElse(-1) + 1;
    }

    private JsonNode awaitUpdate(long seq) {
        return frames.awaitUpdate(seq, Duration.ofSeconds(60), () -> !server.alive() || !viewer.alive());
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
