package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.testing.HeadlessOutput;
import dev.hotframe.testing.process.HotframeProcess;
import dev.hotframe.testing.project.SampleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project that depends on a library from its pom: the real dev server resolves it with Maven
 * (offline, from the local repository), the real headless viewer fetches the jar over HTTP and
 * runs code that calls into it, and a version bump in the pom reloads the app with the new jar,
 * keeping its state.
 */
@Timeout(180)
class LibrariesIT {

    private static final String STATE = "src/main/java/dev/hotframe/sample/DashboardState.java";

    private static String pom(String version) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId>
                  <artifactId>dashboard-with-a-library</artifactId>
                  <version>1</version>
                  <properties><maven.compiler.release>17</maven.compiler.release></properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.apache.commons</groupId>
                      <artifactId>commons-lang3</artifactId>
                      <version>%s</version>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(version);
    }

    @Test
    void theViewerFetchesTheProjectsLibraryAndAPomChangeReloadsWithTheNewOne(@TempDir Path temp) throws Exception {
        // No assumption about the local repository: the dev server asks Maven offline first and
        // then online, as it does for users, so a machine without these versions downloads them.
        SampleApp project = Checkout.sampleApp(temp.resolve("app"));
        Files.writeString(project.dir().resolve("pom.xml"), pom("3.17.0"));
        project.edit(STATE, "    public int clicks;\n", "    public int clicks;\n"
                + "    public String banner = org.apache.commons.lang3.StringUtils.capitalize(\"hotframe\")\n"
                + "            + \" \" + org.apache.commons.lang3.JavaVersion.class.getProtectionDomain().getCodeSource().getLocation()"
                + ".getPath().replaceAll(\".*/\", \"\");\n");
        HeadlessOutput frames = new HeadlessOutput(temp.resolve("frames"));
        Map<String, String> env = Map.of("HOTFRAME_HOME", temp.resolve("home").toString());
        HotframeProcess server = HotframeProcess.java("devserver", Checkout.DEVSERVER_JAR, env, "serve",
                project.dir().toString(), "--port", "0");
        HotframeProcess viewer = null;
        try {
            server.awaitReady(Duration.ofSeconds(90));
            assertThat(server.alive()).as(server.output()).isTrue();
            viewer = HotframeProcess.java("viewer", Checkout.VIEWER_JAR, env,
                    "connect", "--headless", "--size", "400x300", "--frames", frames.dir().toString());
            HotframeProcess running = viewer;
            JsonNode snapshot = frames.awaitUpdate(0, Duration.ofSeconds(60), () -> !server.alive() || !running.alive());
            assertThat(snapshot.get("ok").asBoolean()).as(snapshot.toString()).isTrue();
            await("the state made with the library").atMost(Duration.ofSeconds(20))
                    .until(() -> frames.state() != null && frames.state().has("banner"));
            String cached;
            try (Stream<Path> jars = Files.list(temp.resolve("home/libraries"))) {
                cached = jars.map(p -> p.getFileName().toString()).toList().toString();
            }
            assertThat(frames.state().get("banner").asText()).startsWith("Hotframe ")
                    .as("the class came from the fetched jar, named by its hash").endsWith(".jar").doesNotContain("3.17.0");
            assertThat(cached).contains(frames.state().get("banner").asText().substring("Hotframe ".length()));
            frames.state();
            long clicksBefore = frames.state().get("frames").asLong();

            long next = frames.updates().stream().mapToLong(u -> u.get("seq").asLong()).max().orElse(0) + 1;
            Files.writeString(project.dir().resolve("pom.xml"), pom("3.18.0"));
            JsonNode reloaded = frames.awaitUpdate(next, Duration.ofSeconds(60), () -> !server.alive() || !running.alive());

            assertThat(reloaded.get("ok").asBoolean()).as(reloaded.toString()).isTrue();
            assertThat(reloaded.get("tier").asText()).isEqualTo("reload");
            assertThat(reloaded.get("reason").asText())
                    .contains("libraries changed: +commons-lang3-3.18.0.jar, -commons-lang3-3.17.0.jar");
            assertThat(frames.state().get("frames").asLong()).as("the state carried over").isGreaterThanOrEqualTo(clicksBefore);
            try (Stream<Path> jars = Files.list(temp.resolve("home/libraries"))) {
                assertThat(jars.count()).as("both versions are cached by hash").isEqualTo(2);
            }
        } finally {
            HotframeProcess.closeAndPrint(viewer, server);
        }
    }
}
