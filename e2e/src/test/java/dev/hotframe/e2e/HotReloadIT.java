package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * The walking skeleton end to end: the real dev server and a real headless viewer, as processes,
 * on a copy of the sample app. Each step edits a file and checks the viewer's headless output
 * (update log, frame pixels, state). The steps share the two processes and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class HotReloadIT {

    private static final Path ROOT = Path.of(System.getProperty("hotframe.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Inside the first card's background, away from its text and rounded corners. */
    private static final int[] CARD = {240, 200};
    /** Inside the chart panel's top-left corner, outside where particles and the line can go. */
    private static final int[] PANEL = {40, 262};

    private Path project;
    private Path frames;
    private Path home;
    private RunningProcess server;
    private RunningProcess viewer;

    @BeforeAll
    void startServerAndViewer(@TempDir Path temp) throws Exception {
        project = temp.resolve("sample-app");
        copy(ROOT.resolve("sample-app"), project);
        frames = temp.resolve("frames");
        home = temp.resolve("home");
        Map<String, String> env = Map.of("HOTFRAME_HOME", home.toString());
        server = RunningProcess.java("devserver", ROOT.resolve("dev-server/target/hotframe-devserver.jar"), env,
                "serve", project.toString(), "--port", "0");
        await("the dev server's ready line").atMost(Duration.ofSeconds(60)).until(() -> server.lineContaining("ready: ws://") != null
                || !server.alive());
        assertThat(server.alive()).as(server.output()).isTrue();
        // No URL: the viewer finds the server and its token through $HOTFRAME_HOME.
        viewer = RunningProcess.java("viewer", ROOT.resolve("viewer/target/hotframe-viewer.jar"), env,
                "connect", "--headless", "--size", "800x600", "--frames", frames.toString());
        JsonNode snapshot = awaitUpdate(0);
        assertThat(snapshot.get("tier").asText()).isEqualTo("snapshot");
        assertThat(snapshot.get("ok").asBoolean()).as(snapshot.toString()).isTrue();
    }

    @AfterAll
    void stop() throws Exception {
        if (viewer != null) {
            viewer.close();
            System.out.println(viewer.output());
        }
        if (server != null) {
            server.close();
            System.out.println(server.output());
        }
    }

    @Test
    @Order(1)
    void sceneColourEditIsPatchedWithoutCompiling() throws Exception {
        int compilesBefore = status().get("compilations").asInt();
        assertThat(pixel(frames.resolve("latest.png"), CARD)).isEqualTo(0xFF3366FF);

        long seq = edit("scenes/dashboard.json", "\"fill\": \"#3366FF\"", "\"fill\": \"#FF3366\"");

        JsonNode update = awaitUpdate(seq);
        assertThat(update.get("tier").asText()).isEqualTo("scene");
        assertThat(update.get("ok").asBoolean()).isTrue();
        assertThat(update.get("files").toString()).isEqualTo("[\"scenes/dashboard.json\"]");
        assertThat(pixel(frames.resolve("frame-" + seq + ".png"), CARD)).isEqualTo(0xFFFF3366);
        assertThat(status().get("compilations").asInt()).as("javac runs for a scene edit").isEqualTo(compilesBefore);
    }

    @Test
    @Order(2)
    void methodBodyEditIsRedefinedAndKeepsState() throws Exception {
        long framesBefore = state().get("frames").asLong();

        long seq = edit("src/main/java/dev/hotframe/sample/DashboardApp.java", "return 0xFF1B2838;", "return 0xFF5A1B38;");

        JsonNode update = awaitUpdate(seq);
        assertThat(update.get("tier").asText()).isEqualTo("redefine");
        assertThat(update.get("ok").asBoolean()).as(update.toString()).isTrue();
        assertThat(update.get("generation").asInt()).isEqualTo(1);
        assertThat(pixel(frames.resolve("frame-" + seq + ".png"), PANEL)).isEqualTo(0xFF5A1B38);
        assertThat(state().get("frames").asLong()).as("the frame counter was not reset").isGreaterThan(framesBefore);
    }

    @Test
    @Order(3)
    void addedFieldReloadsAndMigratesState() throws Exception {
        JsonNode before = state();

        long seq = edit("src/main/java/dev/hotframe/sample/DashboardState.java", "    public int clicks;\n",
                "    public int clicks;\n    public int bonus = 42;\n");

        JsonNode update = awaitUpdate(seq);
        assertThat(update.get("tier").asText()).isEqualTo("reload");
        assertThat(update.get("ok").asBoolean()).as(update.toString()).isTrue();
        assertThat(update.get("reason").asText()).isEqualTo("DashboardState gained field 'bonus'");
        assertThat(update.get("generation").asInt()).isEqualTo(2);
        JsonNode after = state();
        assertThat(after.get("bonus").asInt()).isEqualTo(42);
        assertThat(after.get("frames").asLong()).isGreaterThan(before.get("frames").asLong());
        assertThat(after.get("uptime").asDouble()).isGreaterThan(before.get("uptime").asDouble());
        assertThat(after.get("particles").size()).isEqualTo(before.get("particles").size());
        assertThat(pixel(frames.resolve("frame-" + seq + ".png"), PANEL)).as("the redefined colour survives the reload")
                .isEqualTo(0xFF5A1B38);
    }

    @Test
    @Order(4)
    void compileErrorIsReportedAndTheViewerKeepsRunning() throws Exception {
        long framesBefore = state().get("frames").asLong();
        long seq = edit("src/main/java/dev/hotframe/sample/DashboardApp.java", "return 0xFF5A1B38;", "return 0xFF5A1B38");

        JsonNode update = awaitUpdate(seq);
        assertThat(update.get("tier").asText()).isEqualTo("error");
        assertThat(update.get("ok").asBoolean()).isFalse();
        int line = lineOf("src/main/java/dev/hotframe/sample/DashboardApp.java", "return 0xFF5A1B38");
        assertThat(update.get("error").asText())
                .startsWith("src/main/java/dev/hotframe/sample/DashboardApp.java:" + line + ":")
                .endsWith("';' expected");
        assertThat(server.lineContaining("DashboardApp.java:" + line + ":")).isNotNull();
        assertThat(state().get("frames").asLong()).as("the app keeps running").isGreaterThan(framesBefore);
        assertThat(viewer.alive()).isTrue();
        assertThat(pixel(frames.resolve("frame-" + seq + ".png"), PANEL)).as("the last good code still draws")
                .isEqualTo(0xFF5A1B38);
    }

    @Test
    @Order(5)
    void fixingTheErrorRecovers() throws Exception {
        long seq = edit("src/main/java/dev/hotframe/sample/DashboardApp.java", "return 0xFF5A1B38\n", "return 0xFF2E7D32;\n");

        JsonNode update = awaitUpdate(seq);
        assertThat(update.get("ok").asBoolean()).as(update.toString()).isTrue();
        assertThat(update.get("tier").asText()).isEqualTo("redefine");
        assertThat(update.get("error").isNull()).isTrue();
        assertThat(pixel(frames.resolve("frame-" + seq + ".png"), PANEL)).isEqualTo(0xFF2E7D32);
        assertThat(state().get("bonus").asInt()).isEqualTo(42);
    }

    /** Replaces {@code from} with {@code to} in a project file; returns the sequence number the change will get. */
    private long edit(String file, String from, String to) throws IOException {
        long next = updates().size();
        Path path = project.resolve(file);
        String text = Files.readString(path);
        assertThat(text).as(file).contains(from);
        Files.writeString(path, text.replace(from, to));
        return next;
    }

    private int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(project.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    private JsonNode awaitUpdate(long seq) {
        return await("update #" + seq + " in updates.jsonl").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .failFast("a process died", () -> !server.alive() || !viewer.alive())
                .until(() -> updates().stream().filter(u -> u.get("seq").asLong() == seq).findFirst().orElse(null),
                        u -> u != null);
    }

    private List<JsonNode> updates() throws IOException {
        Path log = frames.resolve("updates.jsonl");
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> !l.isBlank()).map(HotReloadIT::parse).toList();
        }
    }

    private JsonNode state() throws IOException {
        return JSON.readTree(frames.resolve("state.json").toFile());
    }

    private JsonNode status() throws Exception {
        JsonNode record = JSON.readTree(home.resolve("server.json").toFile());
        String url = record.get("url").asText().replace("ws://", "http://").replace("/hotframe/v1", "/status");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + record.get("token").asText()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int pixel(Path png, int[] at) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as(png.toString()).isNotNull();
        return image.getRGB(at[0], at[1]);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path relative = from.relativize(source);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
