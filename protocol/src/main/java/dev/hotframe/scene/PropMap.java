package dev.hotframe.scene;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A node's properties: immutable, in the order they were written, stored as two arrays. Nodes
 * have a handful of properties, so a scan beats hashing, and two versions of the same node
 * (usually with the same keys in the same order) compare element by element. This is what keeps
 * the diff of a 10,000-node scene within a couple of milliseconds.
 */
final class PropMap extends AbstractMap<String, Object> {

    static final PropMap EMPTY = new PropMap(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;

    private PropMap(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    static PropMap of(Map<String, Object> source) {
        if (source instanceof PropMap p) {
            return p;
        }
        if (source == null || source.isEmpty()) {
            return EMPTY;
        }
        String[] keys = new String[source.size()];
        Object[] values = new Object[source.size()];
        int i = 0;
        for (Map.Entry<String, Object> e : source.entrySet()) {
            keys[i] = Objects.requireNonNull(e.getKey(), "a property name must not be null");
            values[i++] = e.getValue();
        }
        return new PropMap(keys, values);
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (o instanceof PropMap other && other.keys.length == keys.length) {
            boolean sameOrder = true;
            for (int i = 0; i < keys.length && sameOrder; i++) {
                sameOrder = keys[i] == other.keys[i] || keys[i].equals(other.keys[i]);
            }
            if (sameOrder) {
                for (int i = 0; i < values.length; i++) {
                    if (!Objects.equals(values[i], other.values[i])) {
                        return false;
                    }
                }
                return true;
            }
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
