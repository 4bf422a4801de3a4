package dev.hotframe.devserver.compile;

import com.sun.source.util.JavacTask;
import dev.hotframe.devserver.project.Project;
import dev.hotframe.wire.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * One warm javac inside the dev server. Compiles source files against the classpath and a set
 * of in-memory classes, and returns class bytes in memory. Not thread-safe: one compile at a time.
 */
public final class InProcessCompiler implements AutoCloseable {

    private final Project project;
    private final JavaCompiler javac;
    private final MemoryFileManager files;
    private final List<String> options;
    private int compilations;
    private int cancelled;

    /**
     * The outcome of one javac run: classes by binary name and the source file of each, the
     * classes each file's code names ({@link SourceReferences}), or the errors.
     */
    public record Output(Map<String, byte[]> classes, Map<String, Path> sources, Map<Path, Set<String>> references,
                         List<Diagnostic> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** A compile was given up because newer changes arrived while it ran. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("compile cancelled: newer changes arrived", null, false, false);
        }
    }

    public InProcessCompiler(Project project, List<Path> classpath, int release) {
        this.project = project;
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime (" + System.getProperty("java.home")
                    + "); run the dev server on a JDK, not a JRE");
        }
        StandardJavaFileManager standard = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        try {
            standard.setLocation(StandardLocation.CLASS_PATH, classpath.stream().map(Path::toFile).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the compile classpath", e);
        }
        this.files = new MemoryFileManager(standard);
        this.options = options(release);
    }

    /**
     * javac's options. {@code --release N} costs several ms per compile (it reads the ct.sym
     * platform signatures); when this JDK is release N itself its own classes are the same API,
     * so only {@code -source}/{@code -target} are needed.
     */
    static List<String> options(int release) {
        List<String> options = new ArrayList<>();
        if (Runtime.version().feature() == release) {
            options.addAll(List.of("-source", Integer.toString(release), "-target", Integer.toString(release)));
        } else {
            options.addAll(List.of("--release", Integer.toString(release)));
        }
        options.addAll(List.of("-g", "-parameters", "-proc:none", "-implicit:none", "-Xlint:none", "-encoding", "UTF-8"));
        // Attribute every file even after an error, so that one compile reports all its errors
        // (by default a syntax error in one file hides the type errors in all the others).
        options.add("-XDshould-stop.ifError=FLOW");
        return List.copyOf(options);
    }

    /**
     * Compiles {@code sources}, with {@code visible} classes on the class path. Throws
     * {@link Cancelled} when {@code hooks} says newer changes arrived before javac finished.
     */
    Output compile(List<Path> sources, VisibleClasses visible, CompileHooks hooks) {
        files.begin(visible);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Iterable<? extends JavaFileObject> units = files.sourceFiles(sources);
        StringWriter noise = new StringWriter();
        JavacTask task = (JavacTask) javac.getTask(noise, files, diagnostics, options, null, units);
        SourceReferences references = new SourceReferences(task);
        task.addTaskListener(references);
        task.addTaskListener(hooks.listener());
        boolean ok;
        try {
            ok = task.call();
        } catch (RuntimeException e) {
            if (causedByCancel(e)) {
                if (!hooks.warmUp()) {
                    cancelled++;
                }
                throw new Cancelled();
            }
            throw e;
        }
        if (!hooks.warmUp()) {
            compilations++;
        }
        List<Diagnostic> errors = new ArrayList<>();
        for (var d : diagnostics.getDiagnostics()) {
            if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                errors.add(toDiagnostic(d));
            }
        }
        if (!ok && errors.isEmpty()) {
            errors.add(new Diagnostic(project.relative(project.sources()), 0, 0, "javac failed: " + noise.toString().strip()));
        }
        return new Output(files.output(), files.outputSources(), references.byFile(), List.copyOf(errors));
    }

    private static boolean causedByCancel(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Cancelled) {
                return true;
            }
        }
        return false;
    }

    /** How many compiles were given up because newer changes arrived; they are not in {@link #compilations()}. */
    public int cancelled() {
        return cancelled;
    }

    /** How many times javac ran to the end; the end-to-end test uses it to prove scene edits never compile. */
    public int compilations() {
        return compilations;
    }

    private Diagnostic toDiagnostic(javax.tools.Diagnostic<? extends JavaFileObject> d) {
        String file = "?";
        if (d.getSource() != null) {
            try {
                file = project.relative(Path.of(d.getSource().toUri()));
            } catch (IllegalArgumentException e) {
                file = d.getSource().getName();
            }
        }
        String severity = d.getKind() == javax.tools.Diagnostic.Kind.ERROR ? "error" : "warning";
        return new Diagnostic(file, Math.max(0, d.getLineNumber()), Math.max(0, d.getColumnNumber()), severity,
                d.getMessage(Locale.ROOT), sourceLine(d));
    }

    /** The text of the diagnostic's line, or null when javac has no source for it. */
    private static String sourceLine(javax.tools.Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null || d.getLineNumber() < 1) {
            return null;
        }
        try {
            String[] lines = d.getSource().getCharContent(true).toString().split("\\R", -1);
            return d.getLineNumber() <= lines.length ? lines[(int) d.getLineNumber() - 1] : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** What the user's code always compiles against: the app contract and Skija, wherever this JVM loaded them from. */
    static List<Path> contractClasspath() {
        Set<Path> entries = new LinkedHashSet<>();
        for (Class<?> anchor : List.of(dev.hotframe.app.HotframeApp.class, io.github.humbleui.skija.Canvas.class,
                io.github.humbleui.types.Rect.class)) {
            entries.add(locationOf(anchor));
        }
        return new ArrayList<>(entries);
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find where " + type.getName() + " was loaded from", e);
        }
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}
