package dev.hotframe.viewer.net;

/** Reconnect delays: the first retry within 250 ms, doubling to at most 2 s apart, reset once welcomed. */
final class Backoff {

    static final long FIRST_MS = 200;
    static final long MAX_MS = 2000;

    private long nextMs = FIRST_MS;

    /** The delay before the next attempt; each call doubles the one after, up to the maximum. */
    synchronized long next() {
        long delay = nextMs;
        nextMs = Math.min(MAX_MS, nextMs * 2);
        return delay;
    }

    synchronized void reset() {
        nextMs = FIRST_MS;
    }
}
