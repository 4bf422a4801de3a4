package dev.hotframe.devserver.libs;

import dev.hotframe.wire.Library;
import dev.hotframe.wire.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every library the dev server has named in an update, by SHA-256, so that it can serve exactly
 * those files and nothing else. Hashes are remembered per file and stamp (size and modification
 * time), so describing the same classpath again reads no jar twice. Thread-safe: the pipeline
 * describes, the HTTP threads look up.
 */
public final class LibraryShelf {

    private static final Logger log = LoggerFactory.getLogger(LibraryShelf.class);

    private record Known(String stamp, Library library) {
    }

    private final Map<Path, Known> byFile = new ConcurrentHashMap<>();
    private final Map<String, Path> byHash = new ConcurrentHashMap<>();

    /**
     * Names the jars in {@code files} for viewers, in order. A folder or a file that cannot be read
     * is left out with a warning: viewers are sent jars only.
     */
    public List<Library> describe(List<Path> files) {
        List<Library> libraries = new ArrayList<>();
        for (Path file : files) {
            if (Files.isDirectory(file)) {
                log.warn("the classpath folder {} is compiled against but not sent to viewers; a viewer on another machine "
                        + "needs it packaged as a jar", file);
                continue;
            }
            try {
                libraries.add(describe(file));
            } catch (IOException e) {
                log.warn("cannot read the library {} to send it to viewers: {}", file, e.toString());
            }
        }
        return List.copyOf(libraries);
    }

    /** The file of a library this server has named, or empty. */
    public Optional<Path> file(String sha256) {
        return Optional.ofNullable(byHash.get(sha256));
    }

    private Library describe(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String stamp = attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
        Known known = byFile.get(file);
        if (known != null && known.stamp().equals(stamp)) {
            return known.library();
        }
        Library library = new Library(file.getFileName().toString(), hash(file), attributes.size());
        byFile.put(file, new Known(stamp, library));
        byHash.put(library.sha256(), file);
        return library;
    }

    private static String hash(Path file) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

}
