package dev.hotframe.viewer.frame;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.viewer.scene.SceneRenderer;
import dev.hotframe.viewer.testkit.AssetFiles;
import dev.hotframe.viewer.testkit.TestApp;
import dev.hotframe.viewer.testkit.UpdateLog;
import dev.hotframe.wire.AssetFile;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.UpdateMeta;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An app drawing {@code f.assets()} in a real frame loop: what it draws follows the assets the server sends. */
@Timeout(60)
class AppAssetsTest {

    private static final String APP = "demo.Logo";

    @TempDir
    Path dir;

    private static UpdateMeta meta(long seq, List<String> files) {
        return new UpdateMeta(seq, files, 1_000 + seq, Map.of());
    }

    /**
     * Draws the logo at the top-left, scaled to 40x40, and a shader made from {@code assets/glow.sksl}
     * to its right, rebuilt when the file's version changes (as README shows); notes in the state
     * what the assets say.
     */
    private static List<dev.hotframe.wire.ClassFile> app() {
        return TestApp.named(APP).imports("io.github.humbleui.skija.Image", "io.github.humbleui.skija.Paint",
                        "io.github.humbleui.skija.RuntimeEffect", "io.github.humbleui.skija.Shader",
                        "io.github.humbleui.types.Rect")
                .members("long glowVersion = -1;\nShader glow;")
                .state("public long version;\npublic long logoVersion;\npublic int logoBytes;")
                .render("""
                        f.canvas().clear(0xFF000000);
                        Image logo = f.assets().image("assets/logo.png");
                        if (logo != null) {
                            f.canvas().drawImageRect(logo, Rect.makeWH(40, 40));
                        }
                        byte[] bytes = f.assets().bytes("assets/logo.png");
                        s.logoBytes = bytes == null ? -1 : bytes.length;
                        s.version = f.assets().version();
                        s.logoVersion = f.assets().version("assets/logo.png");
                        long v = f.assets().version("assets/glow.sksl");
                        RuntimeEffect effect = f.assets().shader("assets/glow.sksl");
                        if (v != glowVersion && effect != null) {
                            glowVersion = v;
                            if (glow != null) glow.close();
                            glow = effect.makeShader(null, null);
                        }
                        try (Paint paint = new Paint().setShader(glow)) {
                            f.canvas().drawRect(Rect.makeXYWH(50, 0, 40, 40), paint);
                        }""").compile();
    }

    private static AssetFile glow(String rgb) {
        return new AssetFile("assets/glow.sksl", ("half4 main(float2 p) { return half4(" + rgb + ", 1); }\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void anAppDrawsTheCurrentImageAndSeesItsVersionChangeWhenANewOneArrives() throws Exception {
        AssetFile green = AssetFiles.png("assets/logo.png", 0xFF00C040, 4, 4);
        AssetFile red = AssetFiles.png("assets/logo.png", 0xFFC02020, 6, 6);
        AssetFile blue = glow("0, 0, 1");
        AssetFile yellow = glow("1, 1, 0");
        try (RunningLoop loop = new RunningLoop(dir, 100, 80, Duration.ofSeconds(2), SceneRenderer.DRAW_LIMIT)) {
            UpdateLog log = loop.log;
            loop.inbox.offer(new ServerMessage.Snapshot(meta(0, List.of()), APP, app(), Map.of(), List.of(), List.of(green, blue),
                    List.of()));
            assertThat(log.await(0).get("ok").asBoolean()).isTrue();
            assertThat(log.pixel(0, 20, 20)).isEqualTo("FF00C040");
            assertThat(log.pixel(0, 20, 60)).as("outside the logo").isEqualTo("FF000000");
            assertThat(log.pixel(0, 70, 20)).isEqualTo("FF0000FF");
            JsonNode before = log.state();
            assertThat(before.get("logoBytes").asInt()).isEqualTo(green.bytes().length);

            loop.inbox.offer(new ServerMessage.AssetUpdate(meta(1, List.of("assets/logo.png")), List.of(red), List.of()));
            assertThat(log.await(1).get("ok").asBoolean()).isTrue();
            assertThat(log.pixel(1, 20, 20)).isEqualTo("FFC02020");
            JsonNode after = log.state();
            assertThat(after.get("logoBytes").asInt()).isEqualTo(red.bytes().length);
            assertThat(after.get("version").asLong()).isGreaterThan(before.get("version").asLong());
            assertThat(after.get("logoVersion").asLong()).isGreaterThan(before.get("logoVersion").asLong());
            assertThat(log.pixel(1, 70, 20)).as("the shader did not change").isEqualTo("FF0000FF");

            loop.inbox.offer(new ServerMessage.AssetUpdate(meta(2, List.of("assets/glow.sksl")), List.of(yellow), List.of()));
            assertThat(log.await(2).get("ok").asBoolean()).isTrue();
            assertThat(log.pixel(2, 70, 20)).as("the app rebuilt its shader").isEqualTo("FFFFFF00");
            assertThat(log.pixel(2, 20, 20)).isEqualTo("FFC02020");
            assertThat(log.state().get("logoVersion").asLong()).as("only the shader changed")
                    .isEqualTo(after.get("logoVersion").asLong());
        }
    }
}
