package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotframe.testing.process.HotframeProcess;
import dev.hotframe.testing.project.SampleApp;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The viewer as a CI step: {@code --exit-after} ends it with a clear code, {@code --golden} compares its frames. */
@Timeout(180)
class CiModeIT {

    @TempDir
    Path temp;

    private HotframeProcess server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void goldenFramesAreRecordedThenAMismatchExitsWithFiveAndADiff() throws Exception {
        SampleApp project = Checkout.sampleApp(temp.resolve("sample-app"));
        Map<String, String> env = Map.of("HOTFRAME_HOME", temp.resolve("home").toString());
        server = HotframeProcess.java("devserver", Checkout.DEVSERVER_JAR, env, "serve", project.dir().toString());
        server.awaitReady(Duration.ofSeconds(90));
        Path golden = temp.resolve("golden");

        int recorded = runViewer(env, "--frames", temp.resolve("run1").toString(), "--golden", golden.toString(), "--update-golden");

        assertThat(recorded).isZero();
        BufferedImage first = ImageIO.read(golden.resolve("frame-0.png").toFile());
        assertThat(first.getWidth()).isEqualTo(320);

        BufferedImage altered = new BufferedImage(320, 240, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                altered.setRGB(x, y, x < 160 ? first.getRGB(x, y) : 0xFFFF00FF);
            }
        }
        ImageIO.write(altered, "png", golden.resolve("frame-0.png").toFile());

        int compared = runViewer(env, "--frames", temp.resolve("run2").toString(), "--golden", golden.toString());

        assertThat(compared).isEqualTo(5);
        assertThat(temp.resolve("run2/diff-0.png")).exists();
    }

    private int runViewer(Map<String, String> env, String... extra) throws Exception {
        String[] args = new String[6 + extra.length];
        String[] base = {"connect", "--headless", "--size", "320x240", "--exit-after", "1"};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        HotframeProcess viewer = HotframeProcess.java("viewer", Checkout.VIEWER_JAR, env, args);
        try {
            await("the viewer exits by itself").atMost(Duration.ofSeconds(60)).until(() -> !viewer.alive());
            System.out.println(viewer.output());
            return viewer.exitCode();
        } finally {
            viewer.close();
        }
    }
}
