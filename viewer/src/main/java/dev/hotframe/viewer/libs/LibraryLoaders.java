package dev.hotframe.viewer.libs;

import dev.hotframe.wire.Library;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The class loader under each generation of the app: the viewer's own loader when the app needs
 * no libraries, else a loader over exactly the current library set, parent-first, so the viewer's
 * own copy of a class (the app contract, Skija, Jackson) always wins over a library's. A new set
 * makes a new loader; an old one stays usable for as long as a generation or an undo entry built
 * on it is reachable, and is collected with them. Render thread only.
 */
public final class LibraryLoaders {

    /** Every library loader's name starts with this; stack traces and leak checks use it. */
    public static final String NAME_PREFIX = "hotframe-libraries-";

    /** Whether a library set could be made the current one. */
    public sealed interface Result permits Current, Unavailable {
    }

    /** The set is the current one (it may have been already). */
    public record Current() implements Result {
    }

    /** A library cannot be used, and why (it is missing from the cache, say); the current set is unchanged. */
    public record Unavailable(String why) implements Result {
    }

    private final ClassLoader viewer;
    private final LibraryCache cache;
    private List<Library> current = List.of();
    private ClassLoader loader;
    private int made;

    public LibraryLoaders(ClassLoader viewer, LibraryCache cache) {
        this.viewer = viewer;
        this.cache = cache;
        this.loader = viewer;
    }

    /** The loader for the current set. */
    public ClassLoader current() {
        return loader;
    }

    /** The current set. */
    public List<Library> libraries() {
        return current;
    }

    /** True when {@code libraries} is a different set from the current one. */
    public boolean differs(List<Library> libraries) {
        return !java.util.Set.copyOf(libraries).equals(java.util.Set.copyOf(current));
    }

    /** Makes {@code libraries} the current set, unless one of them cannot be used. */
    public Result use(List<Library> libraries) {
        if (!differs(libraries)) {
            return new Current();
        }
        List<URL> urls = new ArrayList<>();
        for (Library library : libraries) {
            if (!cache.has(library)) {
                return new Unavailable(cache.problem(library));
            }
            try {
                urls.add(cache.file(library).toUri().toURL());
            } catch (MalformedURLException e) {
                return new Unavailable("cannot use library " + library.name() + ": " + e.getMessage());
            }
        }
        current = List.copyOf(libraries);
        loader = libraries.isEmpty() ? viewer : new URLClassLoader(NAME_PREFIX + (++made), urls.toArray(URL[]::new), viewer);
        return new Current();
    }
}
