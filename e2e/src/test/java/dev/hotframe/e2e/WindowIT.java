package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.testing.HeadlessOutput;
import dev.hotframe.testing.process.HotframeProcess;
import dev.hotframe.testing.project.SampleApp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The viewer's real window under Xvfb: screenshots are the X server's own screen (not a
 * read-back), input goes in through XTEST (xdotool) and reaches the app, the window resizes and
 * closes on Ctrl+C without a native crash, on auto (raster here: the only GPU is emulated), Vulkan
 * (lavapipe, so the swapchain is recreated on resize) and OpenGL. Screenshots are kept in
 * target/window-screenshots/ to look at.
 */
@Timeout(240)
class WindowIT {

    /** Inside the second card's background, below its text, both at 800x600 and after the resize to 640x480 (the row reflows). */
    private static final int[] CARD = {380, 212};
    private static final Path SHOTS = Path.of("target", "window-screenshots");

    @ParameterizedTest
    @ValueSource(strings = {"auto", "vulkan", "gl"})
    void windowTakesInputAppliesEditsResizesAndClosesCleanlyOnCtrlC(String backend, @TempDir Path temp) throws Exception {
        try (VirtualDisplay x = new VirtualDisplay(temp.resolve("x"), 1024, 768)) {
            SampleApp project = Checkout.sampleApp(temp.resolve("sample-app"));
            HeadlessOutput frames = new HeadlessOutput(temp.resolve("frames"));
            Map<String, String> env = Map.of("HOTFRAME_HOME", temp.resolve("home").toString());
            try (HotframeProcess server = startServer(project, env);
                 HotframeProcess viewer = startViewer(x, env, frames, backend)) {
                JsonNode snapshot = frames.awaitUpdate(0, Duration.ofSeconds(60), () -> !viewer.alive() || !server.alive());
                assertThat(snapshot.get("ok").asBoolean()).as(snapshot.toString()).isTrue();
                assertThat(viewer.lineContaining("Rendering with")).as(viewer.output()).contains(backend.equals("auto") ? "window 800x600 (auto: " : "window 800x600 (requested)");
                String window = x.xdotool("search", "--sync", "--name", "DashboardApp").lines().findFirst().orElseThrow();
                awaitScreen(x, backend + "-1-started", CARD, 0xFF22AA88);

                x.xdotool("mousemove", "400", "420", "click", "1");
                x.xdotool("key", "space");
                x.xdotool("key", "space");
                project.edit("scenes/dashboard.json", "\"fill\": \"#22AA88\"", "\"fill\": \"#AA2288\"");
                JsonNode update = frames.awaitUpdate(1, Duration.ofSeconds(60), () -> !viewer.alive() || !server.alive());
                assertThat(update.get("tier").asText()).isEqualTo("scene");
                JsonNode state = frames.state();
                assertThat(state.get("clicks").asInt()).as(state.toString()).isEqualTo(1);
                // Space spawns 8 particles; the app starts with 24.
                assertThat(state.get("particles").size()).as(state.toString()).isEqualTo(24 + 2 * 8);
                awaitScreen(x, backend + "-2-edited-after-input", CARD, 0xFFAA2288);
                assertThat(x.xdotool("getwindowname", window)).startsWith("DashboardApp \u2014 connected \u2014 last: scene ");

                x.xdotool("windowsize", window, "640", "480");
                project.edit("scenes/dashboard.json", "\"fill\": \"#AA2288\"", "\"fill\": \"#2288AA\"");
                frames.awaitUpdate(2, Duration.ofSeconds(60), () -> !viewer.alive() || !server.alive());
                BufferedImage resized = ImageIO.read(frames.dir().resolve("frame-2.png").toFile());
                assertThat(resized.getWidth() + "x" + resized.getHeight()).isEqualTo("640x480");
                awaitScreen(x, backend + "-3-resized", CARD, 0xFF2288AA);
                BufferedImage screen = x.screenshot(SHOTS.resolve(backend + "-3-resized.png"));
                assertThat(screen.getRGB(700, 300)).as("outside the resized window").isEqualTo(0xFF000000);

                viewer.signal("INT");
                await("the viewer exits after Ctrl+C").atMost(Duration.ofSeconds(20)).until(() -> !viewer.alive());
                assertThat(viewer.output()).doesNotContain("A fatal error has been detected", "SIGSEGV", "Exception in thread");
                assertThat(viewer.exitCode()).as("Ctrl+C is a clean stop: " + viewer.output()).isZero();
            }
        }
    }

    /** Raster in a window (the frame uploaded and blitted through OpenGL), which auto picks only on an emulated GPU. */
    @Test
    void rasterRequestedByNameShowsTheAppInTheWindow(@TempDir Path temp) throws Exception {
        String backend = "raster";
        try (VirtualDisplay x = new VirtualDisplay(temp.resolve("x"), 1024, 768)) {
            SampleApp project = Checkout.sampleApp(temp.resolve("sample-app"));
            HeadlessOutput frames = new HeadlessOutput(temp.resolve("frames"));
            Map<String, String> env = Map.of("HOTFRAME_HOME", temp.resolve("home").toString());
            try (HotframeProcess server = startServer(project, env);
                 HotframeProcess viewer = startViewer(x, env, frames, backend)) {
                frames.awaitUpdate(0, Duration.ofSeconds(60), () -> !viewer.alive() || !server.alive());
                assertThat(viewer.lineContaining("Rendering with raster on CPU, shown through OpenGL")).as(viewer.output()).contains("window 800x600 (requested)");
                awaitScreen(x, backend, CARD, 0xFF22AA88);
            }
        }
    }

    private static HotframeProcess startServer(SampleApp project, Map<String, String> env) throws Exception {
        HotframeProcess server = HotframeProcess.java("devserver", Checkout.DEVSERVER_JAR, env, "serve", project.dir().toString());
        server.awaitReady(Duration.ofSeconds(60));
        assertThat(server.alive()).as(server.output()).isTrue();
        return server;
    }

    private static HotframeProcess startViewer(VirtualDisplay x, Map<String, String> env, HeadlessOutput frames, String backend)
            throws IOException {
        Map<String, String> withDisplay = new HashMap<>(env);
        withDisplay.put("DISPLAY", x.display());
        return HotframeProcess.java("viewer", Checkout.VIEWER_JAR, withDisplay, "connect", "--backend", backend,
                "--size", "800x600", "--frames", frames.dir().toString());
    }

    /** Waits until the screen shows {@code argb} at {@code at}, keeping the last screenshot as {@code name}.png. */
    private static void awaitScreen(VirtualDisplay x, String name, int[] at, int argb) throws IOException {
        Files.createDirectories(SHOTS);
        Path png = SHOTS.resolve(name + ".png");
        await("the screen shows #" + Integer.toHexString(argb) + " at " + at[0] + "," + at[1] + " (see " + png.toAbsolutePath() + ")")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> x.screenshot(png).getRGB(at[0], at[1]) == argb);
    }
}
