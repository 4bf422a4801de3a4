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

    /** A fresh request id and the future its reply completes; call {@link #forget} when done waiting. */
    String newId() {
        String id = "d" + next.incrementAndGet();
        waiting.put(id, new CompletableFuture<>());
        return id;
    }

    CompletableFuture<ViewerMessage.Reply> reply(String id) {
        return waiting.get(id);
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
