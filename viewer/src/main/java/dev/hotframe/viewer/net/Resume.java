package dev.hotframe.viewer.net;

/**
 * Where this viewer stands in a server's update stream: the server it follows and the last
 * update it accepted, as sent in {@code hello}, and whether a new update is the next one, a
 * duplicate (after a catch-up) or past a gap. Guarded by the connection's lock.
 */
final class Resume {

    /** What to do with an update. */
    enum Verdict { APPLY, DUPLICATE, GAP }

    private String serverId;
    private long lastSeq;

    String serverId() {
        return serverId;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** Forgets the server, so the next hello gets a snapshot. */
    void forget() {
        serverId = null;
    }

    void welcomed(String id) {
        serverId = id;
    }

    /** A snapshot always applies and sets where the stream stands. */
    void snapshot(long seq) {
        lastSeq = seq;
    }

    /** Judges update {@code seq}; an update that applies becomes the last one. */
    Verdict next(long seq) {
        if (seq <= lastSeq) {
            return Verdict.DUPLICATE;
        }
        if (seq != lastSeq + 1) {
            return Verdict.GAP;
        }
        lastSeq = seq;
        return Verdict.APPLY;
    }
}
