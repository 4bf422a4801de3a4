package dev.hotframe.devserver.compile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * Serves the project's already-compiled classes to javac from memory, and captures javac's
 * output in memory, so that a compile never touches the disk for class files.
 */
final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {

    private VisibleClasses known = VisibleClasses.none();
    private final Map<String, byte[]> output = new ConcurrentHashMap<>();
    private final Map<String, Path> outputSource = new ConcurrentHashMap<>();

    MemoryFileManager(StandardJavaFileManager standard) {
        super(standard);
    }

    /** Starts a compile: {@code classes} are visible on the class path; the output is cleared. */
    void begin(VisibleClasses classes) {
        known = classes;
        output.clear();
        outputSource.clear();
    }

    /** Turns source paths into file objects for javac. */
    Iterable<? extends JavaFileObject> sourceFiles(List<Path> sources) {
        return fileManager.getJavaFileObjectsFromPaths(sources);
    }

    /** The classes written by the last compile, by binary name. */
    Map<String, byte[]> output() {
        return new HashMap<>(output);
    }

    /** The source file each class of the last compile came from. */
    Map<String, Path> outputSources() {
        return new HashMap<>(outputSource);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                               FileObject sibling) throws IOException {
        if (location == StandardLocation.CLASS_OUTPUT && kind == JavaFileObject.Kind.CLASS) {
            if (sibling != null && "file".equals(sibling.toUri().getScheme())) {
                outputSource.put(className, Path.of(sibling.toUri()));
            }
            return MemoryClassFile.output(className, bytes -> output.put(className, bytes));
        }
        return super.getJavaFileForOutput(location, className, kind, sibling);
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                         boolean recurse) throws IOException {
        Iterable<JavaFileObject> standard = super.list(location, packageName, kinds, recurse);
        if (location != StandardLocation.CLASS_PATH || !kinds.contains(JavaFileObject.Kind.CLASS)) {
            return standard;
        }
        List<JavaFileObject> result = new ArrayList<>();
        standard.forEach(result::add);
        for (String name : known.list(packageName, recurse)) {
            result.add(MemoryClassFile.input(name, known.bytes(name)));
        }
        return result;
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        if (file instanceof MemoryClassFile memory) {
            return memory.binaryName();
        }
        return super.inferBinaryName(location, file);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        if (a instanceof MemoryClassFile || b instanceof MemoryClassFile) {
            return a.toUri().equals(b.toUri());
        }
        return super.isSameFile(a, b);
    }
}
