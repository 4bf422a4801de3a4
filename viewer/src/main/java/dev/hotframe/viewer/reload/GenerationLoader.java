package dev.hotframe.viewer.reload;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of one generation of the user's app. It defines app classes from received
 * bytes (child first), and delegates everything else (the app contract, Skija, the JDK) to
 * the viewer's own loader, so that the contract types are shared by all generations.
 */
final class GenerationLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final int generation;
    private final Map<String, byte[]> classes;

    GenerationLoader(int generation, Map<String, byte[]> classes, ClassLoader parent) {
        super("hotframe-generation-" + generation, parent);
        this.generation = generation;
        this.classes = new ConcurrentHashMap<>(classes);
    }

    int generation() {
        return generation;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!classes.containsKey(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name + " is not part of generation " + generation);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** The class if this generation has already defined it, else null. */
    Class<?> loadedOrNull(String name) {
        return findLoadedClass(name);
    }

    /** Replaces the bytes a class not yet defined will be defined from (after a redefine). */
    void replaceBytes(String name, byte[] bytes) {
        classes.put(name, bytes);
    }
}
