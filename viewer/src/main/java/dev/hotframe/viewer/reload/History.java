package dev.hotframe.viewer.reload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The last few generations as the undo command needs them: their class bytes, app class, and
 * the state and attic they had when they were replaced. Only bytes and JSON are kept, never a
 * class loader, so an undo-kept generation holds no classes in memory.
 */
final class History {

    /** One replaced generation; {@code stateClass} is null when its state was null. */
    record Entry(int generation, String appClass, Map<String, byte[]> classes, String stateClass, JsonNode state, Attic attic,
                 ClassLoader libraries) {
    }

    private final int depth;
    private final Deque<Entry> entries = new ArrayDeque<>();

    History(int depth) {
        this.depth = depth;
    }

    void push(Entry entry) {
        entries.push(entry);
        while (entries.size() > depth) {
            entries.removeLast();
        }
    }

    /** The most recently replaced generation, or null when none is kept. */
    Entry pop() {
        return entries.poll();
    }

    /** Puts back an entry that could not be restored. */
    void restore(Entry entry) {
        entries.push(entry);
    }

    int size() {
        return entries.size();
    }
}
