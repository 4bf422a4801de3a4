package dev.hotframe.devserver.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The size and modification time of a few files, to tell which changed (or appeared, or went) since the last look. */
final class FileStamps {

    private final Map<Path, String> last = new LinkedHashMap<>();

    FileStamps(List<Path> files) {
        files.forEach(f -> last.put(f.toAbsolutePath().normalize(), stamp(f)));
    }

    /** The files whose stamp differs from the last call's (or the construction's). */
    List<Path> changed() {
        List<Path> changed = new ArrayList<>();
        last.replaceAll((file, before) -> {
            String now = stamp(file);
            if (!Objects.equals(before, now)) {
                changed.add(file);
            }
            return now;
        });
        return changed;
    }

    private static String stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + "@" + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return null;
        }
    }
}
