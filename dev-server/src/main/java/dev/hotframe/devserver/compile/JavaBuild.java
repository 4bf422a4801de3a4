package dev.hotframe.devserver.compile;

import dev.hotframe.devserver.project.Project;
import dev.hotframe.wire.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The project's compiled classes and how they change. Keeps the last good classes: a change
 * that does not compile leaves them as they were, and its files are compiled again with the
 * next change until they build.
 */
public final class JavaBuild implements AutoCloseable {

    private final Project project;
    private final InProcessCompiler compiler;
    private Map<String, byte[]> classes = Map.of();
    private Map<String, Path> sourceOf = Map.of();
    private final Set<Path> pending = new LinkedHashSet<>();
    private boolean needsFull = true;

    /** What a build produced. */
    public sealed interface Result {
        long compileMs();
    }

    /** The build succeeded; {@code classes} holds the bytes of the changed and added classes. */
    public record Built(Classification classification, Map<String, byte[]> classes, int filesCompiled, long compileMs,
                        long classifyMs) implements Result {
    }

    /** The build failed; the last good classes are still served. */
    public record Failed(List<Diagnostic> errors, long compileMs) implements Result {
    }

    public JavaBuild(Project project) {
        this.project = project;
        this.compiler = new InProcessCompiler(project);
    }

    /** Compiles the whole project. */
    public Result full() {
        return build(Set.of(), true);
    }

    /** Compiles after {@code files} changed or were deleted (other files are ignored). */
    public Result changed(Set<Path> files) {
        return build(files, needsFull);
    }

    /** The last good classes, by binary name. */
    public Map<String, byte[]> classes() {
        return classes;
    }

    /** How many times javac ran. */
    public int compilations() {
        return compiler.compilations();
    }

    /** Runs throwaway compiles so that the first real edit meets a warm compiler. */
    public void warm(int rounds) {
        List<Path> some = allSources().stream().limit(1).toList();
        for (int i = 0; i < rounds && !some.isEmpty(); i++) {
            compiler.compile(some, without(some));
        }
    }

    private Result build(Set<Path> changed, boolean whole) {
        long start = System.nanoTime();
        Set<Path> files = new LinkedHashSet<>(pending);
        changed.stream().filter(f -> f.toString().endsWith(".java")).forEach(files::add);
        Map<String, byte[]> candidate;
        Map<String, Path> candidateSources;
        int compiled;
        if (whole) {
            List<Path> all = allSources();
            InProcessCompiler.Output out = compiler.compile(all, Map.of());
            if (!out.ok()) {
                return fail(files, out.errors(), start);
            }
            candidate = out.classes();
            candidateSources = out.sources();
            compiled = all.size();
        } else {
            List<Path> existing = files.stream().filter(Files::isRegularFile).toList();
            Map<String, byte[]> known = without(files);
            InProcessCompiler.Output out = existing.isEmpty() ? new InProcessCompiler.Output(Map.of(), Map.of(), List.of())
                    : compiler.compile(existing, known);
            if (!out.ok()) {
                return fail(files, out.errors(), start);
            }
            candidate = new HashMap<>(known);
            candidate.putAll(out.classes());
            candidateSources = new HashMap<>(sourceOf);
            candidateSources.keySet().retainAll(known.keySet());
            candidateSources.putAll(out.sources());
            compiled = existing.size();
        }
        long classifyStart = System.nanoTime();
        Classification classification = ShapeClassifier.classify(classes, candidate);
        if (!whole && classification.structural()) {
            // A shape or constant changed: compile the rest too, so that errors in its users show
            // now and constants they inlined are updated.
            Result all = build(files, true);
            return all instanceof Built b ? new Built(b.classification(), b.classes(), b.filesCompiled(),
                    millisSince(start), b.classifyMs()) : all;
        }
        long classifyMs = millisSince(classifyStart);
        Map<String, byte[]> changedBytes = new LinkedHashMap<>();
        classification.changed().forEach(name -> changedBytes.put(name, candidate.get(name)));
        classes = Map.copyOf(candidate);
        sourceOf = Map.copyOf(candidateSources);
        pending.clear();
        needsFull = false;
        return new Built(classification, changedBytes, compiled, millisSince(start) - classifyMs, classifyMs);
    }

    private Result fail(Set<Path> files, List<Diagnostic> errors, long start) {
        pending.addAll(files);
        return new Failed(errors, millisSince(start));
    }

    private Map<String, byte[]> without(Iterable<Path> files) {
        Set<Path> excluded = new java.util.HashSet<>();
        files.forEach(f -> excluded.add(f.toAbsolutePath().normalize()));
        Map<String, byte[]> known = new HashMap<>(classes);
        sourceOf.forEach((name, source) -> {
            if (excluded.contains(source.toAbsolutePath().normalize())) {
                known.remove(name);
            }
        });
        return known;
    }

    private List<Path> allSources() {
        try (Stream<Path> walk = Files.walk(project.sources())) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sources in " + project.sources(), e);
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() throws IOException {
        compiler.close();
    }
}
