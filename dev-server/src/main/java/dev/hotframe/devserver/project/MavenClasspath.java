package dev.hotframe.devserver.project;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Maven project's compile classpath (compile, provided and system scopes) and the libraries its
 * code needs at run time (compile, runtime and system scopes, less what every viewer provides),
 * resolved by running {@code mvn dependency:list} once and cached in {@code target/hotframe/}
 * under the pom's fingerprint, so that a restart costs nothing until the pom changes. Maven runs
 * offline first (fast, and enough when the project was built before), then online if that failed.
 */
public final class MavenClasspath {

    private static final Logger log = LoggerFactory.getLogger(MavenClasspath.class);
    private static final Pattern ARTIFACT = Pattern.compile(
            "(?:artifact|artifacts could not be resolved:|Could not find artifact)\\s+([\\w.\\-]+:[\\w.\\-]+(?::[\\w.\\-]+){1,3})");
    private static final long TIMEOUT_SECONDS = 300;

    /** Where the resolved list is cached, relative to the project. */
    static final String CACHE = "target/hotframe/maven-dependencies.txt";

    /**
     * The classpath and the run-time libraries, or why there are none ({@code problem} is then
     * set and both lists are empty).
     */
    public record Resolution(List<Path> entries, List<Path> libraries, String problem) {
        public Resolution {
            entries = List.copyOf(entries);
            libraries = List.copyOf(libraries);
        }

        static Resolution failed(String problem) {
            return new Resolution(List.of(), List.of(), problem);
        }

        static Resolution of(DependencyList list) {
            return new Resolution(list.compileClasspath(), list.runtimeLibraries(), null);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    private final Path root;
    private final boolean online;
    private final String command;

    /** Resolves for the project in {@code root}; {@code online} allows Maven to download what the local repository lacks. */
    public MavenClasspath(Path root, boolean online) {
        this(root, online, null);
    }

    /** {@code command} runs Maven; null means the project's {@code mvnw}, else {@code mvn} from the PATH. */
    MavenClasspath(Path root, boolean online, String command) {
        this.root = root;
        this.online = online;
        this.command = command;
    }

    /** The cached classpath when {@code pom} has not changed since it was resolved, else a fresh resolution. */
    public Resolution resolve(MavenPom pom) {
        Path cache = root.resolve(CACHE);
        DependencyList cached = readCache(cache, pom.fingerprint());
        if (cached != null) {
            return Resolution.of(cached);
        }
        long start = System.nanoTime();
        log.info("resolving the compile classpath from {} with Maven (once per pom change)...", root.relativize(pom.file()));
        Ran ran = run(pom, cache, true);
        if (!ran.resolution().ok() && online) {
            log.info("offline resolution failed; asking Maven again with the remote repositories");
            ran = run(pom, cache, false);
        }
        Resolution resolution = ran.resolution();
        if (resolution.ok()) {
            writeCache(cache, pom.fingerprint(), ran.list());
            log.info("resolved {} classpath entries ({} run-time libraries) from {} in {} ms", resolution.entries().size(),
                    resolution.libraries().size(), root.relativize(pom.file()), (System.nanoTime() - start) / 1_000_000);
        }
        return resolution;
    }

    /** One Maven run's answer, with the list it came from (to cache). */
    private record Ran(Resolution resolution, DependencyList list) {
        static Ran failed(String problem) {
            return new Ran(Resolution.failed(problem), null);
        }
    }

    private Ran run(MavenPom pom, Path cache, boolean offline) {
        Path output;
        Path logFile;
        try {
            Files.createDirectories(cache.getParent());
            output = Files.createTempFile(cache.getParent(), "classpath", ".txt");
            logFile = Files.createTempFile(cache.getParent(), "maven", ".log");
        } catch (IOException e) {
            return Ran.failed("cannot resolve the compile classpath: cannot write " + cache.getParent()
                    + ": " + e.getMessage());
        }
        try {
            List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q", "-Dstyle.color=never"));
            if (offline) {
                command.add("-o");
            }
            command.addAll(List.of("-f", pom.file().toString(), "dependency:list", "-DincludeScope=test",
                    "-DoutputScope=true", "-DoutputAbsoluteArtifactFilename=true", "-DoutputFile=" + output));
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Ran.failed("cannot resolve the compile classpath: Maven did not finish within "
                        + TIMEOUT_SECONDS + " s; compiling without the pom's dependencies until the pom changes");
            }
            String said = Files.readString(logFile);
            if (process.exitValue() != 0) {
                return Ran.failed(problem(pom, said));
            }
            DependencyList list = DependencyList.parse(Files.readString(output));
            return new Ran(Resolution.of(list), list);
        } catch (IOException e) {
            return Ran.failed("cannot run Maven (" + maven() + ") to resolve the compile classpath: "
                    + e.getMessage() + ". Install Maven, or list the jars in " + Project.DESCRIPTOR + "'s \"classpath\"");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Ran.failed("interrupted while Maven resolved the compile classpath");
        } finally {
            deleteQuietly(output);
            deleteQuietly(logFile);
        }
    }

    /** A message that names the pom, the missing artifact when Maven said which, and the ways to fix it. */
    private String problem(MavenPom pom, String mavenOutput) {
        Matcher artifact = ARTIFACT.matcher(mavenOutput);
        String what = artifact.find() ? "the dependency " + artifact.group(1).replaceAll("\\.+$", "")
                + " is not in the local Maven repository" + (online ? " and could not be downloaded" : "")
                : "Maven failed: " + firstError(mavenOutput);
        return "cannot resolve the compile classpath: " + what + ". Fix the dependency in the pom, or run "
                + "'mvn dependency:resolve' where the repository can be reached, or list the jars in " + Project.DESCRIPTOR
                + "'s \"classpath\". Compiling without the pom's dependencies until the pom changes";
    }

    private static String firstError(String output) {
        return Arrays.stream(output.split("\\R"))
                .map(line -> line.replace("[ERROR]", "").replaceAll("\\s*-> \\[Help \\d+]", "").strip())
                .filter(line -> !line.isEmpty())
                .findFirst().orElse("no output");
    }

    private String maven() {
        if (command != null) {
            return command;
        }
        Path wrapper = root.resolve(File.separatorChar == '\\' ? "mvnw.cmd" : "mvnw");
        return Files.isExecutable(wrapper) ? wrapper.toString() : File.separatorChar == '\\' ? "mvn.cmd" : "mvn";
    }

    /** The cached list when it was made for {@code fingerprint} and every file in it still exists, else null. */
    private static DependencyList readCache(Path cache, String fingerprint) {
        try {
            if (!Files.isRegularFile(cache)) {
                return null;
            }
            List<String> lines = Files.readAllLines(cache);
            if (lines.isEmpty() || !lines.get(0).equals(fingerprint)) {
                return null;
            }
            List<DependencyList.Entry> entries = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] parts = line.split("\t", 3);
                if (parts.length != 3 || !Files.exists(Path.of(parts[2]))) {
                    return null;
                }
                entries.add(new DependencyList.Entry(parts[1], parts[0], Path.of(parts[2])));
            }
            return new DependencyList(entries);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void writeCache(Path cache, String fingerprint, DependencyList list) {
        List<String> lines = new ArrayList<>();
        lines.add(fingerprint);
        list.entries().forEach(e -> lines.add(e.scope() + "\t" + e.group() + "\t" + e.file()));
        try {
            Files.write(cache, lines);
        } catch (IOException e) {
            log.warn("cannot cache the classpath in {} ({}); Maven will run again at the next start", cache, e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("cannot delete {}: {}", file, e.toString());
        }
    }
}
