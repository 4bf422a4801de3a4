package dev.hotframe.devserver.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled classes one javac run sees on its class path: the last good classes, minus the
 * {@code hidden} ones (those of the files being compiled or deleted), plus the {@code newer}
 * ones an earlier step of the same build produced.
 */
final class VisibleClasses {

    private final ClassStore store;
    private final Map<String, byte[]> newer;
    private final Set<String> hidden;

    VisibleClasses(ClassStore store, Map<String, byte[]> newer, Set<String> hidden) {
        this.store = store;
        this.newer = newer;
        this.hidden = hidden;
    }

    /** Nothing at all: for a build of the whole project. */
    static VisibleClasses none() {
        return new VisibleClasses(new ClassStore(), Map.of(), Set.of());
    }

    byte[] bytes(String name) {
        byte[] fresh = newer.get(name);
        return fresh != null ? fresh : hidden.contains(name) ? null : store.bytes(name);
    }

    /** The binary names in {@code packageName}, and in its subpackages when {@code recurse}. */
    List<String> list(String packageName, boolean recurse) {
        List<String> names = new ArrayList<>();
        if (recurse) {
            String prefix = packageName.isEmpty() ? "" : packageName + ".";
            store.packages().stream().filter(p -> p.equals(packageName) || p.startsWith(prefix))
                    .forEach(p -> addVisible(store.inPackage(p), names));
        } else {
            addVisible(store.inPackage(packageName), names);
        }
        newer.keySet().stream().filter(name -> !store.contains(name))
                .filter(name -> recurse ? name.startsWith(packageName.isEmpty() ? "" : packageName + ".")
                        : ClassStore.packageOf(name).equals(packageName))
                .forEach(names::add);
        return names;
    }

    private void addVisible(Set<String> inPackage, List<String> names) {
        for (String name : inPackage) {
            if (!hidden.contains(name) || newer.containsKey(name)) {
                names.add(name);
            }
        }
    }
}
