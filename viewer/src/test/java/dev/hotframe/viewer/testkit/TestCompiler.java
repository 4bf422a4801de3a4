package dev.hotframe.viewer.testkit;

import dev.hotframe.wire.ClassFile;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java source strings with the JDK's own javac, in memory, against the test classpath,
 * so that sources can implement {@code dev.hotframe.app.HotframeApp} and draw with Skija.
 *
 * <pre>{@code
 * List<ClassFile> classes = TestCompiler.compile("package demo; public final class A { }");
 * }</pre>
 */
public final class TestCompiler {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("\\bpublic\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");

    private TestCompiler() {
    }

    /** Compiles the sources together; returns every class they define (nested ones too), sorted by name. */
    public static List<ClassFile> compile(String... sources) {
        return compile(List.of(), sources);
    }

    /** As {@link #compile(String...)}, with the jars in {@code libraries} on the class path too. */
    public static List<ClassFile> compile(List<java.nio.file.Path> libraries, String... sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler; run the tests on a JDK, not a JRE");
        }
        List<JavaFileObject> units = new ArrayList<>();
        for (String source : sources) {
            units.add(new Source(publicTypeName(source), source));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
        JavaFileManager memory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        StringBuilder classpath = new StringBuilder(testClasspath());
        libraries.forEach(jar -> classpath.append(java.io.File.pathSeparator).append(jar));
        List<String> options = List.of("--release", "17", "-proc:none", "-classpath", classpath.toString());
        boolean ok = javac.getTask(null, memory, diagnostics, options, null, units).call();
        if (!ok) {
            StringBuilder text = new StringBuilder("test sources do not compile:");
            diagnostics.getDiagnostics().forEach(d -> text.append('\n').append(d));
            throw new IllegalArgumentException(text.toString());
        }
        List<ClassFile> classes = new ArrayList<>();
        out.forEach((name, bytes) -> classes.add(new ClassFile(name, bytes.toByteArray())));
        classes.sort(Comparator.comparing(ClassFile::name));
        return List.copyOf(classes);
    }

    /** The classes of one source file that are named {@code name} or nested in it. */
    public static List<ClassFile> only(List<ClassFile> classes, String name) {
        return classes.stream().filter(c -> c.name().equals(name) || c.name().startsWith(name + "$")).toList();
    }

    /** Surefire may put only a manifest jar on java.class.path; it keeps the real one here. */
    private static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static String publicTypeName(String source) {
        Matcher type = PUBLIC_TYPE.matcher(source);
        if (!type.find()) {
            throw new IllegalArgumentException("test source has no top-level public type:\n" + source);
        }
        Matcher pkg = PACKAGE.matcher(source);
        return pkg.find() ? pkg.group(1) + "." + type.group(1) : type.group(1);
    }

    /** One source string, named like the file javac expects ({@code demo/App.java}). */
    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String binaryName, String text) {
            super(URI.create("string:///" + binaryName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
