package dev.hotframe.devserver.session;

import dev.hotframe.wire.ServerMessage;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * The most recent updates, so that a viewer that reconnects gets only what it missed. Bounded:
 * a viewer that fell further behind gets a snapshot instead. Not thread-safe; the hub guards it.
 */
final class UpdateLog {

    private final int capacity;
    private final ArrayDeque<ServerMessage.Update> updates = new ArrayDeque<>();

    UpdateLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("'capacity' must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    void add(ServerMessage.Update update) {
        if (!updates.isEmpty() && update.meta().seq() != updates.peekLast().meta().seq() + 1) {
            throw new IllegalArgumentException("update #" + update.meta().seq() + " does not follow #"
                    + updates.peekLast().meta().seq());
        }
        updates.addLast(update);
        if (updates.size() > capacity) {
            updates.removeFirst();
        }
    }

    /**
     * The updates after {@code lastSeq} up to {@code currentSeq}, or empty when the log no
     * longer reaches back that far (or {@code lastSeq} is from the future).
     */
    Optional<List<ServerMessage.Update>> since(long lastSeq, long currentSeq) {
        if (lastSeq > currentSeq || lastSeq < 0) {
            return Optional.empty();
        }
        if (lastSeq == currentSeq) {
            return Optional.of(List.of());
        }
        if (updates.isEmpty() || updates.peekFirst().meta().seq() > lastSeq + 1) {
            return Optional.empty();
        }
        return Optional.of(updates.stream().filter(u -> u.meta().seq() > lastSeq).toList());
    }
}
