package dev.hotframe.devserver.compile;

import dev.hotframe.devserver.project.CompileSettings;
import dev.hotframe.devserver.project.CompileSettingsResolver;
import dev.hotframe.devserver.project.Project;
import dev.hotframe.wire.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's compiled classes and how they change. A change compiles the changed files and,
 * when a class's API or a constant changed, the files that use it ({@link IncrementalCompile}),
 * never the whole project; the whole project is compiled only at start, after its classpath or
 * release changed (the pom changed), and while no build has succeeded yet. The last good
 * classes are kept: files that do not compile keep theirs, and are compiled again with the next
 * change until they build; the other files of the change go ahead when they do not need them.
 */
public final class JavaBuild implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JavaBuild.class);
    private static final int MAX_LEAVE_OUT_ROUNDS = 3;

    private final Project project;
    private final CompileSettingsResolver resolver;
    private CompileSettings settings;
    private InProcessCompiler compiler;
    private ClassStore store = new ClassStore();
    private DependencyGraph graph = new DependencyGraph();
    private final Set<Path> pending = new LinkedHashSet<>();
    private boolean needsFull = true;
    private boolean owesBuild;
    private Consumer<String> progress;
    private int retiredCompilations;
    private int retiredCancelled;
    // Real builds and background warm-up compiles take turns on this lock; a real build that
    // wants it cancels the warm-up compile that holds it (see warmUntil).
    private final Object building = new Object();
    private final AtomicInteger wanted = new AtomicInteger();
    private final AtomicInteger builds = new AtomicInteger();
    private volatile boolean closed;
    private final AtomicInteger warmed = new AtomicInteger();

    /** What a build produced. */
    public sealed interface Result {
        long compileMs();
    }

    /**
     * The build succeeded; {@code classes} holds the bytes of the changed and added classes.
     * {@code errors} are those of files left out because they do not compile; they keep their
     * last good classes, and are compiled again with the next change.
     */
    public record Built(Classification classification, Map<String, byte[]> classes, int filesCompiled, long compileMs,
                        long classifyMs, List<Diagnostic> errors) implements Result {
        public Built {
            classes = Map.copyOf(classes);
            errors = List.copyOf(errors);
        }
    }

    /** The build failed; the last good classes are still served. */
    public record Failed(List<Diagnostic> errors, long compileMs) implements Result {
        public Failed {
            errors = List.copyOf(errors);
        }
    }

    /** Newer changes arrived while this build ran; it was given up, and its files go with the next build. */
    public record Superseded(long compileMs) implements Result {
    }

    /** A build of {@code project}; a Maven project's classpath is resolved with Maven, online if need be. */
    public JavaBuild(Project project) {
        this(project, CompileSettingsResolver.forProject(project));
    }

    public JavaBuild(Project project, CompileSettingsResolver resolver) {
        this.project = project;
        this.resolver = resolver;
    }

    /** Compiles the whole project. */
    public Result full() {
        return exclusive(this::fullNow);
    }

    private Result fullNow() {
        owesBuild = false;
        if (compiler == null || resolver.stale()) {
            configure();
        }
        long start = System.nanoTime();
        List<Path> all = allSources();
        ClassStore fresh = new ClassStore();
        DependencyGraph freshGraph = new DependencyGraph();
        IncrementalCompile compile = new IncrementalCompile(fresh, freshGraph, compiler,
                new CompileHooks(() -> false, progress == null ? new CompileProgress(all.size())
                        : new CompileProgress(all.size(), progress)));
        boolean ok = compile.compile(new LinkedHashSet<>(all));
        if (!ok) {
            needsFull = true;
            return new Failed(withSetupProblems(compile.errors()), millisSince(start));
        }
        compile.commit();
        long classifyStart = System.nanoTime();
        Map<String, byte[]> before = store.snapshot();
        Map<String, byte[]> after = fresh.snapshot();
        Classification classification = StartChange.escalate(ShapeClassifier.classify(before, after), project.appClass(),
                before.get(project.appClass()), after.get(project.appClass()));
        long classifyMs = millisSince(classifyStart);
        store = fresh;
        graph = freshGraph;
        pending.clear();
        needsFull = false;
        return new Built(classification, bytesOf(classification), all.size(), millisSince(start) - classifyMs, classifyMs,
                List.of());
    }

    /** Compiles after {@code files} changed or were deleted (files other than Java sources are ignored). */
    public Result changed(Set<Path> files) {
        return changed(files, () -> false);
    }

    /**
     * Compiles after {@code files} changed or were deleted. When {@code superseded} turns true
     * before the build is done, the build is given up ({@link Superseded}) and its files wait for
     * the next one; nothing changes.
     */
    public Result changed(Set<Path> files, BooleanSupplier superseded) {
        return exclusive(() -> changedNow(files, superseded));
    }

    private <T> T exclusive(Supplier<T> build) {
        builds.incrementAndGet();
        wanted.incrementAndGet();
        synchronized (building) {
            wanted.decrementAndGet();
            return build.get();
        }
    }

    private Result changedNow(Set<Path> files, BooleanSupplier superseded) {
        if (needsFull || resolver.stale()) {
            return fullNow();
        }
        owesBuild = false;
        long start = System.nanoTime();
        Set<Path> batch = new LinkedHashSet<>(pending);
        files.stream().filter(f -> f.toString().endsWith(".java")).map(f -> f.toAbsolutePath().normalize()).forEach(batch::add);
        IncrementalCompile compile = new IncrementalCompile(store, graph, compiler, new CompileHooks(superseded, n -> { }));
        try {
            List<Diagnostic> problems = new ArrayList<>();
            Set<Path> leftOut = new LinkedHashSet<>();
            Set<Path> todo = new LinkedHashSet<>(batch);
            int rounds = 0;
            while (!compile.compile(todo)) {
                addNew(problems, compile.errors());
                Set<Path> broken = filesWithErrors(compile.errors(), todo);
                if (broken.isEmpty() || broken.size() == todo.size() || ++rounds > MAX_LEAVE_OUT_ROUNDS) {
                    return fail(batch, problems, start);
                }
                leftOut.addAll(broken);
                todo.removeAll(broken);
            }
            if (!compile.compileDependents(leftOut)) {
                addNew(problems, compile.errors());
                return fail(batch, problems, start);
            }
            long classifyStart = System.nanoTime();
            Classification classification = StartChange.escalate(compile.classify(), project.appClass(),
                    store.contains(project.appClass()) ? store.bytes(project.appClass()) : null,
                    compile.produced().get(project.appClass()));
            long classifyMs = millisSince(classifyStart);
            Map<String, byte[]> changedBytes = new LinkedHashMap<>();
            classification.changed().forEach(name -> changedBytes.put(name, compile.produced().get(name)));
            compile.commit();
            pending.clear();
            pending.addAll(leftOut);
            return new Built(classification, changedBytes, compile.compiled(), millisSince(start) - classifyMs, classifyMs,
                    problems);
        } catch (InProcessCompiler.Cancelled e) {
            pending.addAll(batch);
            owesBuild = true;
            return new Superseded(millisSince(start));
        }
    }

    /** True after a build was superseded, until the next build: its files still wait to be compiled. */
    public boolean owesBuild() {
        return owesBuild;
    }

    /** The last good classes, by binary name. */
    public Map<String, byte[]> classes() {
        return store.snapshot();
    }

    /** How many times javac ran to the end for builds (a build may run it more than once); warm-up compiles do not count. */
    public int compilations() {
        return retiredCompilations + (compiler == null ? 0 : compiler.compilations());
    }

    /** How many builds were given up because newer changes arrived while javac ran (warm-up compiles do not count). */
    public int cancelledCompilations() {
        return retiredCancelled + (compiler == null ? 0 : compiler.cancelled());
    }

    /** How many background warm-up compiles ({@link #warmUntil}) ran to the end. */
    public int warmCompilations() {
        return warmed.get();
    }

    /** Sends the progress lines of whole-project builds to {@code lines} instead of the log. */
    void progressTo(Consumer<String> lines) {
        progress = lines;
    }

    /** The classpath and release the project compiles with. */
    public CompileSettings settings() {
        if (settings == null) {
            configure();
        }
        return settings;
    }

    /**
     * Keeps compiling a few of the project's files, thrown away, for at most {@code budget} and
     * {@code rounds} compiles, so that javac is JIT-compiled by the user's first edits: on the
     * sample app the first method-body edit compiled in 91 ms and the 30th in 30 ms. Gives way at
     * once to a real build (the warm-up compile it meets is cancelled) and then stops for good:
     * from there on the user's own edits keep javac warm. Returns how many compiles it did.
     */
    public int warmUntil(Duration budget, int rounds) {
        long deadline = System.nanoTime() + budget.toNanos();
        int realBuilds = builds.get();
        CompileHooks yieldToBuilds = CompileHooks.warmUp(() -> wanted.get() > 0 || closed);
        int done = 0;
        while (done < rounds && System.nanoTime() < deadline && !closed && builds.get() == realBuilds) {
            synchronized (building) {
                List<Path> files = compiler == null || needsFull ? List.of() : warmFiles();
                if (files.isEmpty() || wanted.get() > 0 || builds.get() != realBuilds) {
                    break;
                }
                try {
                    warmOnce(files.get(done % files.size()), yieldToBuilds);
                } catch (InProcessCompiler.Cancelled e) {
                    break;
                } catch (RuntimeException e) {
                    log.debug("a warm-up compile failed; warming stops", e);
                    break;
                }
                done++;
                warmed.incrementAndGet();
            }
        }
        return done;
    }

    /** The files warm-up compiles take turns on: the first few sources by path. */
    private List<Path> warmFiles() {
        return store.files().stream().filter(Files::isRegularFile).sorted().limit(4).toList();
    }

    /**
     * One throwaway build of {@code file} along the real path (compile, dependents, classify),
     * never committed: warming javac alone left the first real edit at 114 ms, against about
     * 35 once the whole path had run.
     */
    private void warmOnce(Path file, CompileHooks hooks) {
        IncrementalCompile compile = new IncrementalCompile(store, graph, compiler, hooks);
        if (compile.compile(Set.of(file)) && compile.compileDependents(Set.of())) {
            StartChange.escalate(compile.classify(), project.appClass(),
                    store.contains(project.appClass()) ? store.bytes(project.appClass()) : null,
                    compile.produced().get(project.appClass()));
        }
    }

    private void configure() {
        settings = resolver.resolve();
        settings.problems().forEach(p -> log.warn("{}", p));
        if (compiler != null) {
            retiredCompilations += compiler.compilations();
            retiredCancelled += compiler.cancelled();
            closeCompiler();
        }
        List<Path> classpath = new ArrayList<>(InProcessCompiler.contractClasspath());
        settings.classpath().stream().filter(p -> !classpath.contains(p)).forEach(classpath::add);
        compiler = new InProcessCompiler(project, classpath, settings.release());
    }

    private Result fail(Set<Path> batch, List<Diagnostic> errors, long start) {
        pending.addAll(batch);
        return new Failed(withSetupProblems(errors), millisSince(start));
    }

    /** Puts the setup's problems (an unresolved pom, say) first: they are often why the code does not compile. */
    private List<Diagnostic> withSetupProblems(List<Diagnostic> errors) {
        List<Diagnostic> all = new ArrayList<>();
        settings.problems().forEach(p -> all.add(new Diagnostic(project.relative(p.file()), 0, 0, p.message())));
        all.addAll(errors);
        return all;
    }

    /** The files of {@code candidates} that the errors are in; empty when one error is elsewhere. */
    private Set<Path> filesWithErrors(List<Diagnostic> errors, Set<Path> candidates) {
        Map<String, Path> byName = new HashMap<>();
        candidates.forEach(f -> byName.put(project.relative(f), f));
        Set<Path> files = new LinkedHashSet<>();
        for (Diagnostic error : errors) {
            Path file = byName.get(error.file());
            if (file == null) {
                return Set.of();
            }
            files.add(file);
        }
        return files;
    }

    private static void addNew(List<Diagnostic> into, List<Diagnostic> errors) {
        errors.stream().filter(e -> !into.contains(e)).forEach(into::add);
    }

    private Map<String, byte[]> bytesOf(Classification classification) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        classification.changed().forEach(name -> bytes.put(name, store.bytes(name)));
        return bytes;
    }

    private List<Path> allSources() {
        try (Stream<Path> walk = Files.walk(project.sources())) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sources in " + project.sources(), e);
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void closeCompiler() {
        try {
            compiler.close();
        } catch (IOException e) {
            log.debug("closing the compiler failed: {}", e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        wanted.incrementAndGet();
        synchronized (building) {
            if (compiler != null) {
                compiler.close();
            }
        }
    }
}
