package dev.hotframe.wire;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which assets a viewer holds: project-relative path to SHA-256, after the updates it has been
 * sent. The asset twin of {@link HeldClasses}: both sides keep it, so the server sends an
 * asset's bytes only when the viewer holds no asset with that hash. Not thread-safe.
 */
public final class HeldAssets {

    private final Map<String, String> byPath = new HashMap<>();

    /** Starts from what a viewer said it holds in its {@code hello}. */
    public HeldAssets(Map<String, String> held) {
        byPath.putAll(held);
    }

    public HeldAssets() {
    }

    /** Follows an update: a snapshot replaces everything, an asset update changes and removes assets. */
    public void apply(ServerMessage.Update update) {
        if (update instanceof ServerMessage.Snapshot snapshot) {
            byPath.clear();
            snapshot.assets().forEach(a -> byPath.put(a.path(), a.sha256()));
        } else if (update instanceof ServerMessage.AssetUpdate assets) {
            assets.assets().forEach(a -> byPath.put(a.path(), a.sha256()));
            assets.removed().forEach(byPath::remove);
        }
    }

    /** The assets among {@code assets} whose bytes are not held under any path. */
    public List<AssetFile> missing(List<AssetFile> assets) {
        Set<String> hashes = hashes();
        return assets.stream().filter(a -> !hashes.contains(a.sha256())).toList();
    }

    /** Every hash held. */
    public Set<String> hashes() {
        return new HashSet<>(byPath.values());
    }

    /** Path to hash, for a {@code hello}. */
    public Map<String, String> asMap() {
        return Map.copyOf(byPath);
    }
}
