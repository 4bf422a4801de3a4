package dev.hotframe.devserver.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Maven answered for a pom, kept in {@code target/hotframe/} under the pom's fingerprint: the
 * resolved list, or the failure. A restart then costs nothing until the pom changes, whether the
 * pom resolved or not. Both files start with the fingerprint line; a list whose files have gone
 * from disk (a cleaned repository) is not trusted.
 */
final class ResolutionCache {

    private static final Logger log = LoggerFactory.getLogger(ResolutionCache.class);

    /** Where the resolved list is cached, relative to the project. */
    static final String LIST = "target/hotframe/maven-dependencies.txt";
    /** Where the last failure is cached, relative to the project. */
    static final String FAILURE = "target/hotframe/maven-failure.txt";

    private final Path list;
    private final Path failure;

    ResolutionCache(Path root) {
        this.list = root.resolve(LIST);
        this.failure = root.resolve(FAILURE);
    }

    /** The folder both files live in. */
    Path folder() {
        return list.getParent();
    }

    /** The list resolved for {@code fingerprint} when every file in it still exists. */
    Optional<DependencyList> list(String fingerprint) {
        Optional<List<String>> lines = linesFor(list, fingerprint);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<DependencyList.Entry> entries = new ArrayList<>();
        for (String line : lines.get()) {
            String[] parts = line.split("\t", 3);
            if (parts.length != 3 || !Files.exists(Path.of(parts[2]))) {
                return Optional.empty();
            }
            entries.add(new DependencyList.Entry(parts[1], parts[0], Path.of(parts[2])));
        }
        return Optional.of(new DependencyList(entries));
    }

    /** The problem Maven had with the pom of {@code fingerprint}, if it had one. */
    Optional<String> failure(String fingerprint) {
        return linesFor(failure, fingerprint).filter(lines -> !lines.isEmpty()).map(lines -> String.join("\n", lines));
    }

    void putList(String fingerprint, DependencyList resolved) {
        List<String> lines = new ArrayList<>();
        lines.add(fingerprint);
        resolved.entries().forEach(e -> lines.add(e.scope() + "\t" + e.group() + "\t" + e.file()));
        write(list, lines);
        delete(failure);
    }

    void putFailure(String fingerprint, String problem) {
        write(failure, List.of(fingerprint, problem));
    }

    /** The lines after the fingerprint when {@code file} was written for {@code fingerprint}. */
    private static Optional<List<String>> linesFor(Path file, String fingerprint) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() || !lines.get(0).equals(fingerprint) ? Optional.empty()
                    : Optional.of(lines.subList(1, lines.size()));
        } catch (IOException | RuntimeException e) {
            log.debug("ignoring the unreadable cache {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(temporary, lines);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot cache Maven's answer in {} ({}); Maven will run again at the next start", file, e.toString());
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("cannot delete {}: {}", file, e.toString());
        }
    }
}
