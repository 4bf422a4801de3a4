package dev.hotframe.devserver.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.wire.Discovery;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The file through which a local viewer finds the running dev server and its token:
 * {@code $HOTFRAME_HOME/server.json} (default {@code ~/.hotframe/server.json}), readable only
 * by the user.
 */
public final class ServerRecord {

    private final Path file;

    public ServerRecord(Path home) {
        this.file = home.resolve(Discovery.RECORD);
    }

    public Path file() {
        return file;
    }

    /**
     * Writes the record atomically, readable by the owner only. {@code fingerprint} is the TLS
     * certificate's SHA-256 that viewers pin, or null without TLS.
     */
    public void write(String url, AccessToken token, Path project, String fingerprint) throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("url", url);
        record.put("token", token.value());
        record.put("project", project.toString());
        record.put("pid", ProcessHandle.current().pid());
        record.put("startedAtMs", System.currentTimeMillis());
        if (fingerprint != null) {
            record.put("fingerprint", fingerprint);
        }
        Path temp = file.resolveSibling(Discovery.RECORD + ".tmp");
        Files.deleteIfExists(temp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        Files.writeString(temp, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(record));
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the record if it still belongs to this process (a newer server may have replaced it). */
    public void deleteIfOurs() {
        try {
            if (Files.exists(file)) {
                var node = new ObjectMapper().readTree(file.toFile());
                if (node.path("pid").asLong() == ProcessHandle.current().pid()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            // Best effort at shutdown: a stale record names a dead pid, and viewers skip it.
        }
    }
}
