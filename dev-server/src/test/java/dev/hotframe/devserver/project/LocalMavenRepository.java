package dev.hotframe.devserver.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local Maven repository as Maven itself sees it (settings.xml, {@code -Dmaven.repo.local}
 * from {@code ~/.mavenrc}), never {@code user.home/.m2}, and artifacts put into it the way a user
 * gets them: by Maven, from the remote repository when the local one lacks them. Tests that need
 * a library ask here instead of assuming that the machine holds it.
 */
public final class LocalMavenRepository {

    private static final String HELP_PLUGIN = "org.apache.maven.plugins:maven-help-plugin:3.5.2";
    private static Path root;

    private LocalMavenRepository() {
    }

    /** The folder Maven uses as its local repository; asks Maven once per JVM. */
    public static synchronized Path root() {
        if (root == null) {
            String said = maven(HELP_PLUGIN + ":evaluate", "-Dexpression=settings.localRepository", "-DforceStdout", "-q");
            root = Path.of(said.replaceAll("\u001B\\[[0-9;]*m", "").strip());
        }
        return root;
    }

    /**
     * The jar of {@code group:artifact:version} in the local repository, fetched by Maven (with the
     * dependency plugin the dev server uses, so that it is there for offline runs too) when missing.
     */
    public static synchronized Path jar(String group, String artifact, String version) {
        Path jar = root().resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".jar");
        Path plugin = root().resolve("org/apache/maven/plugins/maven-dependency-plugin")
                .resolve(MavenClasspath.DEPENDENCY_PLUGIN.substring(MavenClasspath.DEPENDENCY_PLUGIN.lastIndexOf(':') + 1));
        if (!Files.isRegularFile(jar) || !Files.isDirectory(plugin)) {
            maven(MavenClasspath.DEPENDENCY_PLUGIN + ":get", "-Dartifact=" + group + ":" + artifact + ":" + version,
                    "-Dtransitive=false", "-q");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Maven fetched " + group + ":" + artifact + ":" + version + " but " + jar
                    + " does not exist");
        }
        return jar;
    }

    /** Runs Maven (online, outside any project) and returns what it printed; throws when it fails. */
    private static String maven(String... arguments) {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-Dstyle.color=never"));
        command.addAll(List.of(arguments));
        try {
            Path dir = Files.createTempDirectory("hotframe-maven");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
                byte[] output = process.getInputStream().readAllBytes();
                if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                            + new String(output, StandardCharsets.UTF_8));
                }
                return new String(output, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage()
                    + " (the tests need Maven on the PATH, as users of a pom do)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
