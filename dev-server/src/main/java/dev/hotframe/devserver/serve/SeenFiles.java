package dev.hotframe.devserver.serve;

import dev.hotframe.wire.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the project's files held when the change pipeline last read them, by content hash: so a
 * save that changed nothing is dropped, and a file that changes while it is read (an editor
 * still writing it) is noticed. The pipeline's thread only.
 */
final class SeenFiles {

    private final Map<Path, String> hashes = new HashMap<>();

    /** Remembers what {@code files} hold now. */
    void remember(Collection<Path> files) {
        files.forEach(f -> {
            String h = hash(f);
            if (h != null) {
                hashes.put(f, h);
            }
        });
    }

    /** True when {@code path} was deleted, or holds other bytes than when last seen; remembers what it holds now. */
    boolean changed(Path path) {
        String now = hash(path);
        String before = now == null ? hashes.remove(path) : hashes.put(path, now);
        return now == null ? before != null : !now.equals(before);
    }

    boolean knows(Path path) {
        return hashes.containsKey(path);
    }

    /** Every file seen, for a rescan after lost events. */
    Set<Path> paths() {
        return Set.copyOf(hashes.keySet());
    }

    /** The files seen inside {@code folder} (a deleted folder is one event; its files went with it). */
    List<Path> inside(Path folder) {
        return hashes.keySet().stream().filter(f -> f.startsWith(folder)).toList();
    }

    private static String hash(Path path) {
        try {
            return Sha256.hex(Files.readAllBytes(path));
        } catch (IOException e) {
            return null;
        }
    }
}
