package dev.hotframe.viewer.assets;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes of every asset the {@link AssetStore} holds, as the server sent them, and a version
 * per path that changes whenever that asset does. Written by the store on the render thread, read
 * from any thread: the app's class loader serves these bytes as resources ({@link AssetResources}),
 * and a class may load its resources on whatever thread first uses it.
 */
public final class AssetBytes {

    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    /** Holds {@code content} (not copied: the store hands over bytes nobody else writes) as {@code path} at {@code version}. */
    void put(String path, byte[] content, long version) {
        bytes.put(path, content);
        versions.put(path, version);
    }

    /** Forgets {@code path}, noting {@code version} so that a removal is seen as a change. */
    void remove(String path, long version) {
        if (bytes.remove(path) != null) {
            versions.put(path, version);
        }
    }

    /** A copy of the bytes at {@code path}, or null when none are held. */
    public byte[] copy(String path) {
        byte[] held = bytes.get(path);
        return held == null ? null : held.clone();
    }

    /** The bytes at {@code path} without copying them; callers must not write to them. */
    byte[] shared(String path) {
        return bytes.get(path);
    }

    /** The store's version when {@code path} last changed or went away; 0 for a path never held. */
    public long version(String path) {
        return versions.getOrDefault(path, 0L);
    }

    /** Every path held, sorted. */
    public Set<String> paths() {
        return new TreeSet<>(bytes.keySet());
    }
}
