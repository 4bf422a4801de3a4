package dev.hotframe.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.testcontainers.containers.GenericContainer;

/**
 * A headless Hotframe viewer in a container, following a dev server, with what it wrote read
 * back for assertions: the update log, the frames and the app state.
 *
 * <pre>{@code
 * try (var viewer = new HotframeViewerContainer(HotframeImages.viewer(jar))
 *         .withNetwork(network).following(server, "devserver")) {
 *     viewer.start();
 *     viewer.awaitUpdate(0, Duration.ofMinutes(1));
 *     assertThat(viewer.latestFrame().getRGB(240, 200)).isEqualTo(0xFF3366FF);
 * }
 * }</pre>
 */
public class HotframeViewerContainer extends GenericContainer<HotframeViewerContainer> {

    private static final String FRAMES = "/frames";

    private String url;
    private String token;
    private String pin;
    private String size = "800x600";

    public HotframeViewerContainer(Future<String> image) {
        super(image);
    }

    /** Follows {@code server}, reached on the shared network through {@code alias}, with its token. */
    public HotframeViewerContainer following(HotframeDevServerContainer server, String alias) {
        return following(server.urlFor(alias), server.token());
    }

    /** Follows the dev server at {@code url} with {@code token}. */
    public HotframeViewerContainer following(String url, String token) {
        this.url = url;
        this.token = token;
        return self();
    }

    /** Trusts only the TLS certificate with this SHA-256 fingerprint ({@code wss://} URLs). */
    public HotframeViewerContainer withPin(String fingerprint) {
        this.pin = fingerprint;
        return self();
    }

    /** The frame size, {@code WxH} (default 800x600). */
    public HotframeViewerContainer withSize(String wxh) {
        this.size = wxh;
        return self();
    }

    @Override
    protected void configure() {
        if (url == null) {
            throw new IllegalStateException("call following(...) before starting the viewer");
        }
        List<String> command = new ArrayList<>(List.of("connect", url, "--headless", "--size", size, "--frames", FRAMES));
        if (pin != null) {
            command.add("--pin");
            command.add(pin);
        }
        withEnv("HOTFRAME_TOKEN", token);
        setCommand(command.toArray(String[]::new));
    }

    /** Every line of the viewer's update log so far, oldest first. */
    public List<JsonNode> updates() {
        String log = readOrNull(FRAMES + "/" + HeadlessOutput.UPDATES);
        return log == null ? List.of() : HeadlessOutput.parseUpdates(log);
    }

    /** Waits for the update log line of {@code seq} and returns it. */
    public JsonNode awaitUpdate(long seq, Duration timeout) {
        return awaitUpdate(u -> u.path("seq").asLong() == seq, "update #" + seq, timeout);
    }

    /** Waits for the first update log line that {@code matches} and returns it; fails if the viewer stops. */
    public JsonNode awaitUpdate(Predicate<JsonNode> matches, String what, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode update : updates()) {
                if (matches.test(update)) {
                    return update;
                }
            }
            if (!isRunning()) {
                throw new AssertionError("the viewer stopped before " + what + ":\n" + getLogs());
            }
            sleep(100);
        }
        throw new AssertionError("no " + what + " within " + timeout + "; updates so far: " + updates() + "\n" + getLogs());
    }

    /** The frame drawn for update {@code seq}. */
    public BufferedImage frame(long seq) {
        return image(FRAMES + "/frame-" + seq + ".png");
    }

    /** The most recent frame written. */
    public BufferedImage latestFrame() {
        return image(FRAMES + "/" + HeadlessOutput.LATEST);
    }

    /** The app's state as JSON, as of the last update. */
    public JsonNode state() {
        return HeadlessOutput.parse(readOrNull(FRAMES + "/" + HeadlessOutput.STATE));
    }

    private BufferedImage image(String path) {
        return copyFileFromContainer(path, in -> {
            BufferedImage image = ImageIO.read(in);
            if (image == null) {
                throw new IOException(path + " is not a PNG");
            }
            return image;
        });
    }

    private String readOrNull(String path) {
        try {
            return copyFileFromContainer(path, in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return null; // not written yet
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the viewer", e);
        }
    }
}
