package dev.hotframe.devserver.dashboard;

import dev.hotframe.devserver.session.HubEvents;
import dev.hotframe.wire.ViewerMessage;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Matches viewers' replies to the requests the dashboard sent, by request id. */
final class PendingRequests implements HubEvents {

    private final Map<String, CompletableFuture<ViewerMessage.Reply>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    /** One request waiting for its reply. */
    record Open(String id, CompletableFuture<ViewerMessage.Reply> reply) {
    }

    /**
     * A fresh request id with the future its reply completes, registered before the request is
     * sent, so that a reply that comes back at once is not lost; call {@link #forget} when done.
     */
    Open open() {
        Open open = new Open("d" + next.incrementAndGet(), new CompletableFuture<>());
        waiting.put(open.id(), open.reply());
        return open;
    }

    /** A fresh id for a request whose replies nobody waits for (undo goes to every viewer). */
    String unawaitedId() {
        return "d" + next.incrementAndGet();
    }

    void forget(String id) {
        waiting.remove(id);
    }

    @Override
    public void replied(String viewerId, ViewerMessage.Reply reply) {
        if (reply.id() != null) {
            CompletableFuture<ViewerMessage.Reply> future = waiting.remove(reply.id());
            if (future != null) {
                future.complete(reply);
            }
        }
    }
}
