package dev.hotframe.viewer.net;

import dev.hotframe.wire.HeldClasses;
import dev.hotframe.wire.ServerMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The class bytes this viewer holds, by SHA-256: those of the classes it runs, plus any that
 * arrived for the update being decoded. After each update only the held ones stay, so memory
 * follows the project, not the number of edits. Used from the connection's thread only.
 */
final class BlobStore {

    private final Map<String, byte[]> bytes = new HashMap<>();
    private final HeldClasses held = new HeldClasses();

    void add(Map<String, byte[]> blobs) {
        bytes.putAll(blobs);
    }

    byte[] get(String sha256) {
        return bytes.get(sha256);
    }

    /** Follows an update the viewer accepted, then drops bytes no held class uses. */
    void accepted(ServerMessage.Update update) {
        held.apply(update);
        Set<String> keep = held.hashes();
        bytes.keySet().retainAll(keep);
    }

    /** What to tell the server in {@code hello}. */
    Map<String, String> held() {
        return held.asMap();
    }
}
