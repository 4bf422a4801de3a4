package dev.hotframe.wire;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which class bytes a viewer holds: class name to SHA-256, after the updates it has been sent.
 * The viewer keeps the bytes of exactly these hashes; the server keeps the same bookkeeping for
 * each viewer, so it sends bytes only when their hash is not held. Both sides apply updates in
 * sequence order, so their copies agree. Not thread-safe.
 */
public final class HeldClasses {

    private final Map<String, String> byName = new HashMap<>();

    /** Starts from what a viewer said it holds in its {@code hello}. */
    public HeldClasses(Map<String, String> held) {
        byName.putAll(held);
    }

    public HeldClasses() {
    }

    /** Follows an update: a snapshot replaces everything, a code update changes and removes classes. */
    public void apply(ServerMessage.Update update) {
        if (update instanceof ServerMessage.Snapshot snapshot) {
            byName.clear();
            put(snapshot.classes());
        } else if (update instanceof ServerMessage.CodeUpdate code) {
            put(code.classes());
            code.removed().forEach(byName::remove);
        }
    }

    private void put(Collection<ClassFile> classes) {
        classes.forEach(c -> byName.put(c.name(), c.sha256()));
    }

    /** The classes among {@code classes} whose bytes are not held under any name. */
    public List<ClassFile> missing(List<ClassFile> classes) {
        Set<String> hashes = hashes();
        return classes.stream().filter(c -> !hashes.contains(c.sha256())).toList();
    }

    /** Every hash held. */
    public Set<String> hashes() {
        return new HashSet<>(byName.values());
    }

    /** Class name to hash, for a {@code hello}. */
    public Map<String, String> asMap() {
        return Map.copyOf(byName);
    }
}
