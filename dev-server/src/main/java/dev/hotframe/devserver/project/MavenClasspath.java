package dev.hotframe.devserver.project;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Maven project's compile classpath (compile, provided and system scopes) and the libraries its
 * code needs at run time (compile, runtime and system scopes, less what every viewer provides),
 * resolved by running the dependency plugin's {@code list} goal once. Maven runs offline first
 * (fast, and enough when the project was built before), then online if that failed.
 *
 * <p>The plugin is named by its full coordinates, {@link #DEPENDENCY_PLUGIN}: the prefix
 * {@code dependency:} would make Maven 3.8 resolve its built-in default, plugin 2.8, which needs
 * artifacts that a new machine does not hold, and would fail offline on an empty repository.
 *
 * <p>Maven's answer, success or failure, is kept per pom fingerprint ({@link ResolutionCache}), so
 * a restart does not run Maven again until the pom changes. A remembered failure is used only at
 * start; a pom saved while the server runs is always asked again.
 */
public final class MavenClasspath {

    /** The dependency plugin, by full coordinates and a version that runs on Maven 3.6.3 and newer. */
    public static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.11.0";

    private static final Logger log = LoggerFactory.getLogger(MavenClasspath.class);
    private static final Pattern ARTIFACT = Pattern.compile(
            "(?:artifact|artifacts could not be resolved:|Could not find artifact)\\s+([\\w.\\-]+:[\\w.\\-]+(?::[\\w.\\-]+){1,3})");
    private static final long TIMEOUT_SECONDS = 300;

    /** What resolving gave: the classpath and the run-time libraries, or why there are none. */
    public sealed interface Resolution {
    }

    /** The compile classpath and the libraries the code needs at run time. */
    public record Resolved(List<Path> entries, List<Path> libraries) implements Resolution {
        public Resolved {
            entries = List.copyOf(entries);
            libraries = List.copyOf(libraries);
        }

        static Resolved of(DependencyList list) {
            return new Resolved(list.compileClasspath(), list.runtimeLibraries());
        }
    }

    /** Maven could not resolve the pom; {@code reason} says why and what to do. */
    public record Unresolved(String reason) implements Resolution {
    }

    private final Path root;
    private final boolean online;
    private final String command;
    private final ResolutionCache cache;
    private boolean started;

    /** Resolves for the project in {@code root}; {@code online} allows Maven to download what the local repository lacks. */
    public MavenClasspath(Path root, boolean online) {
        this(root, online, null);
    }

    /** {@code command} runs Maven; null means the project's {@code mvnw}, else {@code mvn} from the PATH. */
    MavenClasspath(Path root, boolean online, String command) {
        this.root = root;
        this.online = online;
        this.command = command;
        this.cache = new ResolutionCache(root);
    }

    /**
     * The cached classpath when {@code pom} has not changed since it was resolved, else a fresh
     * resolution; at the first call, also a failure remembered for this very pom.
     */
    public Resolution resolve(MavenPom pom) {
        boolean atStart = !started;
        started = true;
        Optional<DependencyList> cached = cache.list(pom.fingerprint());
        if (cached.isPresent()) {
            return Resolved.of(cached.get());
        }
        Optional<String> failedBefore = atStart ? cache.failure(pom.fingerprint()) : Optional.empty();
        if (failedBefore.isPresent()) {
            log.info("not running Maven: it could not resolve this {} at an earlier start (save the pom to ask again)",
                    root.relativize(pom.file()));
            return new Unresolved(failedBefore.get());
        }
        long start = System.nanoTime();
        log.info("resolving the compile classpath from {} with Maven (once per pom change)...", root.relativize(pom.file()));
        Ran ran = run(pom, true);
        if (ran.resolution() instanceof Unresolved && online && ran.mavenRan()) {
            log.info("offline resolution failed; asking Maven again with the remote repositories (downloads may take a while)");
            ran = run(pom, false);
        }
        if (ran.resolution() instanceof Resolved resolved) {
            log.info("resolved {} classpath entries ({} run-time libraries) from {} in {} ms", resolved.entries().size(),
                    resolved.libraries().size(), root.relativize(pom.file()), (System.nanoTime() - start) / 1_000_000);
        } else if (ran.resolution() instanceof Unresolved unresolved && ran.mavenRan()) {
            cache.putFailure(pom.fingerprint(), unresolved.reason());
        }
        return ran.resolution();
    }

    /** One Maven run's answer, and whether Maven ran at all. */
    private record Ran(Resolution resolution, boolean mavenRan) {
        static Ran failed(String reason, boolean mavenRan) {
            return new Ran(new Unresolved(reason), mavenRan);
        }
    }

    private Ran run(MavenPom pom, boolean offline) {
        Path output;
        Path logFile;
        try {
            Files.createDirectories(cache.folder());
            output = Files.createTempFile(cache.folder(), "classpath", ".txt");
            logFile = Files.createTempFile(cache.folder(), "maven", ".log");
        } catch (IOException e) {
            return Ran.failed("cannot resolve the compile classpath: cannot write " + cache.folder()
                    + ": " + e.getMessage(), false);
        }
        try {
            List<String> command = new ArrayList<>(List.of(maven(), "-B", "-Dstyle.color=never"));
            if (offline) {
                command.add("-o");
            }
            command.addAll(List.of("-f", pom.file().toString(), DEPENDENCY_PLUGIN + ":list", "-DincludeScope=test",
                    "-DoutputScope=true", "-DoutputAbsoluteArtifactFilename=true", "-DoutputFile=" + output));
            MavenRun.Outcome outcome = MavenRun.run(command, root, logFile, TIMEOUT_SECONDS, "resolving the compile classpath");
            if (outcome.timedOut()) {
                return Ran.failed("cannot resolve the compile classpath: Maven did not finish within " + TIMEOUT_SECONDS
                        + " s; compiling without the pom's dependencies until the pom changes", true);
            }
            if (!outcome.ok()) {
                return Ran.failed(problem(outcome.output()), true);
            }
            DependencyList list = DependencyList.parse(Files.readString(output));
            cache.putList(pom.fingerprint(), list);
            return new Ran(Resolved.of(list), true);
        } catch (IOException e) {
            return Ran.failed("cannot run Maven (" + maven() + ") to resolve the compile classpath: "
                    + e.getMessage() + ". Install Maven, or list the jars in " + Project.DESCRIPTOR + "'s \"classpath\"", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Ran.failed("interrupted while Maven resolved the compile classpath", false);
        } finally {
            deleteQuietly(output);
            deleteQuietly(logFile);
        }
    }

    /** A message that names the missing artifact when Maven said which, and the ways to fix it. */
    private String problem(String mavenOutput) {
        List<String> errors = errors(mavenOutput);
        Matcher artifact = ARTIFACT.matcher(String.join("\n", errors));
        String first = errors.isEmpty() ? "no error message" : errors.get(0);
        String what;
        if (first.contains(DEPENDENCY_PLUGIN)) {
            what = "Maven could not get the plugin that lists dependencies, " + DEPENDENCY_PLUGIN
                    + (online ? "" : ", offline") + ": " + first;
        } else if (artifact.find()) {
            what = "the dependency " + artifact.group(1).replaceAll("\\.+$", "") + " is not in the local Maven repository"
                    + (online ? " and could not be downloaded" : "");
        } else {
            what = "Maven failed: " + first;
        }
        return "cannot resolve the compile classpath: " + what + ". Fix the dependency in the pom, or run 'mvn "
                + DEPENDENCY_PLUGIN + ":resolve' where the repository can be reached, or list the jars in " + Project.DESCRIPTOR
                + "'s \"classpath\". Compiling without the pom's dependencies until the pom changes";
    }

    /** Maven's error lines, cleaned of the level and help references. */
    private static List<String> errors(String output) {
        return Arrays.stream(output.split("\\R"))
                .filter(line -> line.startsWith("[ERROR]"))
                .map(line -> line.replace("[ERROR]", "").replaceAll("\\s*-> \\[Help \\d+]", "").strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private String maven() {
        if (command != null) {
            return command;
        }
        Path wrapper = root.resolve(File.separatorChar == '\\' ? "mvnw.cmd" : "mvnw");
        return Files.isExecutable(wrapper) ? wrapper.toString() : File.separatorChar == '\\' ? "mvn.cmd" : "mvn";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("cannot delete {}: {}", file, e.toString());
        }
    }
}
