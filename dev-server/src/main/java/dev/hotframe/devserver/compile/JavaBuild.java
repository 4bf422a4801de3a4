package dev.hotframe.devserver.compile;

import dev.hotframe.devserver.project.CompileSettings;
import dev.hotframe.devserver.project.CompileSettingsResolver;
import dev.hotframe.devserver.project.Project;
import dev.hotframe.wire.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
    // wants it cancels the warm-up compile that holds it (see JavacWarmup).
    private final Object building = new Object();
    private final AtomicInteger wanted = new AtomicInteger();
    private final AtomicInteger builds = new AtomicInteger();
    private volatile boolean closed;

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
        List<Path> all = project.javaSources();
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
            LeaveOut leaveOut = new LeaveOut(project);
            if (!leaveOut.compile(compile, batch)) {
                return fail(batch, leaveOut.problems(), start);
            }
            long classifyStart = System.nanoTime();
            Classification classification = compile.classify(project.appClass());
            long classifyMs = millisSince(classifyStart);
            Map<String, byte[]> changedBytes = new LinkedHashMap<>();
            classification.changed().forEach(name -> changedBytes.put(name, compile.produced().get(name)));
            compile.commit();
            pending.clear();
            pending.addAll(leaveOut.leftOut());
            return new Built(classification, changedBytes, compile.compiled(), millisSince(start) - classifyMs, classifyMs,
                    leaveOut.problems());
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

    /** How many real builds were asked for so far; a warm-up stops when this moves. */
    int buildsAsked() {
        return builds.get();
    }

    /** True while a real build waits for the lock, or after close: a warm-up compile then gives way. */
    boolean buildWaiting() {
        return wanted.get() > 0 || closed;
    }

    /**
     * Runs {@code turn} on the last good build, holding the build lock, unless there is none, a
     * real build waits, or one was asked for since {@code asked}; true when it ran and said so.
     */
    boolean withLastGoodBuild(int asked, Predicate<LastGood> turn) {
        synchronized (building) {
            if (compiler == null || needsFull || wanted.get() > 0 || builds.get() != asked) {
                return false;
            }
            return turn.test(new LastGood(project.appClass(), store, graph, compiler));
        }
    }

    /** The last good build, lent to a warm-up compile that must not commit to it. */
    record LastGood(String appClass, ClassStore store, DependencyGraph graph, InProcessCompiler compiler) {
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

    private Map<String, byte[]> bytesOf(Classification classification) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        classification.changed().forEach(name -> bytes.put(name, store.bytes(name)));
        return bytes;
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
