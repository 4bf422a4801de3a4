package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.testing.HeadlessOutput;
import dev.hotframe.testing.process.HotframeProcess;
import dev.hotframe.testing.project.SampleApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A live dev server and headless viewer, as real processes, on a copy of the sample app, shared
 * by the tests of one class: started before all of them (ready once the viewer applied the
 * snapshot, update 0), stopped (output printed) after.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LiveHotframe LIVE = LiveHotframe.onSampleApp();
 *
 * long seq = LIVE.edit(SampleApp.SCENE, "#3366FF", "#FF3366");
 * JsonNode update = LIVE.awaitUpdate(seq);
 * }</pre>
 */
public final class LiveHotframe implements BeforeAllCallback, AfterAllCallback {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Changes the copied project before the dev server first sees it. */
    @FunctionalInterface
    public interface Setup {
        void prepare(SampleApp project) throws IOException;
    }

    private final Setup setup;
    private Path temp;
    private SampleApp project;
    private HeadlessOutput frames;
    private Path home;
    private HotframeProcess server;
    private HotframeProcess viewer;

    private LiveHotframe(Setup setup) {
        this.setup = setup;
    }

    /** The sample app as it is checked in. */
    public static LiveHotframe onSampleApp() {
        return new LiveHotframe(project -> { });
    }

    /** The sample app, changed by {@code setup} before the dev server starts. */
    public static LiveHotframe onSampleApp(Setup setup) {
        return new LiveHotframe(setup);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        temp = Files.createTempDirectory("hotframe-live");
        project = Checkout.sampleApp(temp.resolve("sample-app"));
        setup.prepare(project);
        frames = new HeadlessOutput(temp.resolve("frames"));
        home = temp.resolve("home");
        Map<String, String> env = Map.of("HOTFRAME_HOME", home.toString());
        server = HotframeProcess.java("devserver", Checkout.DEVSERVER_JAR, env, "serve", project.dir().toString(), "--port", "0");
        server.awaitReady(WAIT);
        assertThat(server.alive()).as(server.output()).isTrue();
        // No URL: the viewer finds the server and its token through $HOTFRAME_HOME.
        viewer = HotframeProcess.java("viewer", Checkout.VIEWER_JAR, env,
                "connect", "--headless", "--size", "800x600", "--frames", frames.dir().toString());
        JsonNode snapshot = awaitUpdate(0);
        assertThat(snapshot.get("tier").asText()).isEqualTo("snapshot");
        assertThat(snapshot.get("ok").asBoolean()).as(snapshot.toString()).isTrue();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            HotframeProcess.closeAndPrint(viewer, server);
        } finally {
            if (temp != null) {
                try (Stream<Path> walk = Files.walk(temp)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** Waits for the update log line of {@code seq}; fails fast when the server or the viewer dies. */
    public JsonNode awaitUpdate(long seq) {
        return frames.awaitUpdate(seq, WAIT, () -> !server.alive() || !viewer.alive());
    }

    /** Replaces {@code from} with {@code to} in a project file; returns the sequence number the change will get. */
    public long edit(String file, String from, String to) throws IOException {
        long next = nextSeq();
        project.edit(file, from, to);
        return next;
    }

    /** The sequence number the next change will get. */
    public long nextSeq() throws IOException {
        return frames.lastSeq() + 1;
    }

    public SampleApp project() {
        return project;
    }

    public HeadlessOutput frames() {
        return frames;
    }

    /** The dev server's {@code HOTFRAME_HOME}: its record ({@code server.json}) with the URL and token. */
    public Path home() {
        return home;
    }

    public HotframeProcess server() {
        return server;
    }

    public HotframeProcess viewer() {
        return viewer;
    }
}
