package dev.hotframe.viewer.testkit;

import dev.hotframe.viewer.reload.bytecode.FuelInjector;
import java.util.Map;

/** Defines {@code classes} child first, with or without fuel checks, and leaves every other class to the test's loader. */
public final class ChildFirstLoader extends ClassLoader {

    private final Map<String, byte[]> classes;
    private final boolean metered;

    public ChildFirstLoader(Map<String, byte[]> classes, boolean metered) {
        this("fuel-test", classes, metered);
    }

    /** A loader with the name {@code name}: one starting {@code hotframe-generation-} passes for an app generation's. */
    public ChildFirstLoader(String name, Map<String, byte[]> classes, boolean metered) {
        super(name, ChildFirstLoader.class.getClassLoader());
        this.classes = classes;
        this.metered = metered;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!classes.containsKey(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = classes.get(name);
                byte[] defined = metered ? FuelInjector.inject(bytes) : bytes;
                loaded = defineClass(name, defined, 0, defined.length);
            }
            return loaded;
        }
    }
}
