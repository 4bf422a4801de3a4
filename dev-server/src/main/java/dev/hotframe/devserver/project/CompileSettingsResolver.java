package dev.hotframe.devserver.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Works out a project's {@link CompileSettings} and notices when they went out of date because
 * its {@code pom.xml} (or a local parent pom) changed. {@code hotframe.json}'s {@code release}
 * wins over the pom's; its {@code classpath} entries come before the pom's dependencies.
 */
public final class CompileSettingsResolver {

    /** The release Hotframe's app contract is compiled for; user code cannot target less. */
    public static final int LOWEST_RELEASE = 17;

    private final Project project;
    private final MavenClasspath maven;
    private Map<Path, String> pomStamps = Map.of();

    public CompileSettingsResolver(Project project, MavenClasspath maven) {
        this.project = project;
        this.maven = maven;
    }

    /** For the dev server: Maven may download missing dependencies. */
    public static CompileSettingsResolver forProject(Project project) {
        return new CompileSettingsResolver(project, new MavenClasspath(project.root(), true));
    }

    /** Resolves the settings now (this runs Maven when the pom changed since its classpath was cached). */
    public CompileSettings resolve() {
        List<CompileSettings.Problem> problems = new ArrayList<>();
        Path descriptor = project.root().resolve(Project.DESCRIPTOR);
        Set<Path> classpath = new LinkedHashSet<>();
        Set<Path> libraries = new LinkedHashSet<>();
        for (Path entry : project.classpath()) {
            if (Files.exists(entry)) {
                classpath.add(entry);
                libraries.add(entry);
            } else {
                problems.add(new CompileSettings.Problem(descriptor, "the classpath entry " + entry
                        + " does not exist; compiling without it"));
            }
        }
        OptionalInt pomRelease = OptionalInt.empty();
        Path pomFile = project.root().resolve("pom.xml");
        pomStamps = Map.of();
        if (Files.isRegularFile(pomFile)) {
            try {
                MavenPom pom = MavenPom.read(pomFile);
                pomStamps = pom.files().stream().collect(Collectors.toMap(f -> f, CompileSettingsResolver::stamp));
                pomRelease = pom.release();
                MavenClasspath.Resolution resolution = maven.resolve(pom);
                if (resolution instanceof MavenClasspath.Resolved resolved) {
                    classpath.addAll(resolved.entries());
                    libraries.addAll(resolved.libraries());
                } else if (resolution instanceof MavenClasspath.Unresolved unresolved) {
                    problems.add(new CompileSettings.Problem(pomFile, unresolved.reason()));
                }
            } catch (ProjectException e) {
                pomStamps = Map.of(pomFile, stamp(pomFile));
                problems.add(new CompileSettings.Problem(pomFile, e.getMessage().replace(pomFile + ": ", "")
                        + "; compiling without the pom's dependencies until it changes"));
            }
        }
        Path releaseFrom = project.release().isPresent() ? descriptor : pomFile;
        int release = release(project.release().isPresent() ? project.release() : pomRelease, releaseFrom, problems);
        return new CompileSettings(List.copyOf(classpath), release, problems, List.copyOf(libraries));
    }

    /** True when a pom appeared, disappeared or changed since the last {@link #resolve()}. */
    public boolean stale() {
        Path pomFile = project.root().resolve("pom.xml");
        if (pomStamps.isEmpty()) {
            return Files.isRegularFile(pomFile);
        }
        return pomStamps.entrySet().stream().anyMatch(e -> !e.getValue().equals(stamp(e.getKey())));
    }

    private static int release(OptionalInt wanted, Path from, List<CompileSettings.Problem> problems) {
        int runtime = Runtime.version().feature();
        int release = wanted.orElse(LOWEST_RELEASE);
        if (release < LOWEST_RELEASE) {
            problems.add(new CompileSettings.Problem(from, "the project asks for Java release " + release
                    + ", but Hotframe's app contract needs " + LOWEST_RELEASE + "; compiling with --release " + LOWEST_RELEASE));
            return LOWEST_RELEASE;
        }
        if (release > runtime) {
            problems.add(new CompileSettings.Problem(from, "the project asks for Java release " + release
                    + ", but the dev server runs on Java " + runtime + "; compiling with --release " + runtime
                    + " (run the dev server on a newer JDK)"));
            return runtime;
        }
        return release;
    }

    private static String stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + "@" + attributes.lastModifiedTime();
        } catch (IOException e) {
            return "missing";
        }
    }
}
