package dev.hotframe.viewer.net;

import dev.hotframe.wire.HeldAssets;
import dev.hotframe.wire.HeldClasses;
import dev.hotframe.wire.ServerMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The class and asset bytes this viewer holds, by SHA-256: those of the classes it runs and the
 * assets it has, plus any that arrived for the update being decoded. After each update only the held ones stay, so memory
 * follows the project, not the number of edits. Used from the connection's thread only.
 */
final class BlobStore {

    private final Map<String, byte[]> bytes = new HashMap<>();
    private final HeldClasses held = new HeldClasses();
    private final HeldAssets heldAssets = new HeldAssets();

    void add(Map<String, byte[]> blobs) {
        bytes.putAll(blobs);
    }

    byte[] get(String sha256) {
        return bytes.get(sha256);
    }

    /** Follows an update the viewer accepted, then drops bytes no held class or asset uses. */
    void accepted(ServerMessage.Update update) {
        held.apply(update);
        heldAssets.apply(update);
        Set<String> keep = held.hashes();
        keep.addAll(heldAssets.hashes());
        bytes.keySet().retainAll(keep);
    }

    /** The assets to tell the server about in {@code hello}. */
    Map<String, String> heldAssets() {
        return heldAssets.asMap();
    }

    /** What to tell the server in {@code hello}. */
    Map<String, String> held() {
        return held.asMap();
    }
}
