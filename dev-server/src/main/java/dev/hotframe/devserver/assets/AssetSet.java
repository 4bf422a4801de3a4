package dev.hotframe.devserver.assets;

import dev.hotframe.wire.AssetFile;
import dev.hotframe.wire.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The assets viewers have been sent, by project-relative path, and the files that could not
 * be sent (refused or unreadable), by path: what a joining viewer's snapshot carries.
 */
public record AssetSet(Map<String, AssetFile> assets, Map<String, List<Diagnostic>> problems) {

    public static final AssetSet EMPTY = new AssetSet(Map.of(), Map.of());

    public AssetSet {
        assets = Map.copyOf(assets);
        problems = Map.copyOf(problems);
    }

    /** The assets in path order, for a snapshot. */
    public List<AssetFile> list() {
        return List.copyOf(new TreeMap<>(assets).values());
    }

    /** Every open problem, in path order. */
    public List<Diagnostic> problemList() {
        List<Diagnostic> all = new ArrayList<>();
        new TreeMap<>(problems).values().forEach(all::addAll);
        return all;
    }
}
