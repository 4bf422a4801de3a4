package dev.hotframe.viewer.reload;

import dev.hotframe.viewer.assets.AssetResources;
import dev.hotframe.viewer.libs.LibraryLoaders;
import dev.hotframe.viewer.reload.bytecode.FuelInjector;
import dev.hotframe.viewer.reload.guard.Fuel;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of one generation of the user's app. It defines app classes from received
 * bytes (child first), with {@link Fuel} checks put in, and delegates everything else (the app
 * contract, Skija, the JDK) to the viewer's own loader, so that the contract types are shared
 * by all generations. Resources the parents do not have come from the project's assets
 * ({@link AssetResources}), so that {@code getResource("/logo.png")} finds {@code assets/logo.png}.
 */
final class GenerationLoader extends ClassLoader implements Fuel.InitializationListener {

    /** Every generation loader's name starts with this; stack traces use it to tell app frames from the viewer's. */
    static final String NAME_PREFIX = "hotframe-generation-";

    static {
        registerAsParallelCapable();
    }

    private final int generation;
    private final Map<String, byte[]> classes;
    private final Set<String> initialized = new LinkedHashSet<>();
    private final AssetResources resources;

    /** A loader that serves no resources of its own. */
    GenerationLoader(int generation, Map<String, byte[]> classes, ClassLoader parent) {
        this(generation, classes, parent, null);
    }

    /** @param resources the assets served as resources, or null for none */
    GenerationLoader(int generation, Map<String, byte[]> classes, ClassLoader parent, AssetResources resources) {
        super(NAME_PREFIX + generation, parent);
        this.generation = generation;
        this.classes = new ConcurrentHashMap<>(classes);
        this.resources = resources;
    }

    /** Whether {@code loader} loads the app's code: a generation, or the libraries under the generations. */
    static boolean isAppCode(ClassLoader loader) {
        String name = loader.getName();
        return name != null && (name.startsWith(NAME_PREFIX) || name.startsWith(LibraryLoaders.NAME_PREFIX));
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
        byte[] metered = FuelInjector.inject(bytes);
        return defineClass(name, metered, 0, metered.length);
    }

    @Override
    protected URL findResource(String name) {
        return resources == null ? null : resources.find(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(url));
    }

    /** The class if this generation has already defined it, else null. */
    Class<?> loadedOrNull(String name) {
        return findLoadedClass(name);
    }

    /** Notes that a class of this generation ran its static initializer (called by {@link Fuel#initializing()}). */
    @Override
    public void initialized(String name) {
        synchronized (initialized) {
            initialized.add(name);
        }
    }

    /** Forgets a class whose static initializer failed: the next generation should not initialize it up front. */
    void initializerFailed(String name) {
        synchronized (initialized) {
            initialized.remove(name);
        }
    }

    /** The classes whose static initializers ran (and did not fail), in the order they ran. */
    List<String> initializedNames() {
        synchronized (initialized) {
            return new ArrayList<>(initialized);
        }
    }

    /** The bytes this generation runs (as received, without fuel checks). */
    Map<String, byte[]> classes() {
        return Map.copyOf(classes);
    }

    /** Replaces the bytes a class not yet defined will be defined from (after a redefine). */
    void replaceBytes(String name, byte[] bytes) {
        classes.put(name, bytes);
    }
}
