package dev.hotframe.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Future;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.MountableFile;

/**
 * A Hotframe dev server in a container, serving a copy of a project (no bind mount), with a
 * token chosen here so that viewers and a restarted server agree on it. Edit the project with
 * {@link #writeFile}; its viewers follow.
 */
public class HotframeDevServerContainer extends GenericContainer<HotframeDevServerContainer> {

    /** The port the dev server listens on inside the container. */
    public static final int PORT = 7777;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private boolean tls;

    public HotframeDevServerContainer(Future<String> image) {
        this(image, newToken());
    }

    /** A dev server that accepts {@code token}; a second container with the same token replaces the first seamlessly. */
    public HotframeDevServerContainer(Future<String> image, String token) {
        super(image);
        this.token = token;
        withEnv("HOTFRAME_TOKEN", token);
        withExposedPorts(PORT);
        waitingFor(Wait.forLogMessage(".*Hotframe dev server ready.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
    }

    /** Copies the project folder (with {@code hotframe.json}) into the container before it starts. */
    public HotframeDevServerContainer withProject(Path dir) {
        return withCopyFileToContainer(MountableFile.forHostPath(dir), "/project");
    }

    /** Serves {@code wss://} with the dev server's self-signed certificate; viewers pin {@link #fingerprint()}. */
    public HotframeDevServerContainer withTls() {
        this.tls = true;
        return self();
    }

    @Override
    protected void configure() {
        List<String> command = new ArrayList<>(List.of("serve", "/project", "--host", "0.0.0.0", "--port", String.valueOf(PORT)));
        if (tls) {
            command.add("--tls");
        }
        setCommand(command.toArray(String[]::new));
    }

    public String token() {
        return token;
    }

    /** The URL for viewers on the same Docker network, through {@code alias}. */
    public String urlFor(String alias) {
        return (tls ? "wss://" : "ws://") + alias + ":" + PORT + "/hotframe";
    }

    /** The URL for a viewer on the machine running the tests. */
    public String hostUrl() {
        return (tls ? "wss://" : "ws://") + getHost() + ":" + getMappedPort(PORT) + "/hotframe";
    }

    /** The SHA-256 fingerprint of the server's TLS certificate, as viewers pin it. */
    public String fingerprint() {
        JsonNode fingerprint = record().path("fingerprint");
        if (!fingerprint.isTextual()) {
            throw new IllegalStateException("this dev server does not serve TLS; call withTls() before starting it");
        }
        return fingerprint.asText();
    }

    /** The dev server's discovery record ({@code server.json}). */
    public JsonNode record() {
        return copyFileFromContainer("/hotframe-home/server.json", in -> JSON.readTree(in));
    }

    /** Writes a project file, as an editor would; {@code relative} is relative to the project. */
    public void writeFile(String relative, String content) {
        copyFileToContainer(Transferable.of(content.getBytes(StandardCharsets.UTF_8)), "/project/" + relative);
    }

    /** The current text of a project file. */
    public String readFile(String relative) {
        return copyFileFromContainer("/project/" + relative, in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Replaces {@code from} with {@code to} in a project file; fails if {@code from} is not there. */
    public void edit(String relative, String from, String to) {
        String text = readFile(relative);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(relative + " does not contain '" + from + "'");
        }
        writeFile(relative, text.replace(from, to));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
