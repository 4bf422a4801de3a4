package dev.hotframe.viewer.reload;

import dev.hotframe.viewer.reload.guard.Runaway;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the objects a {@link StateMigration} fills: app objects through their own
 * constructors, and collections and maps of the kind a field declares. An object that cannot be
 * created fails only the value being built ({@link IllegalArgumentException}); a
 * {@link Runaway} in an app constructor goes on up to the watchdog's caller. Also reads and
 * empties record components.
 */
final class Instances {

    private static final Logger log = LoggerFactory.getLogger(Instances.class);

    private Instances() {
    }

    /** A new {@code type} from its constructor without arguments. */
    static Object create(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no constructor without arguments, so the state cannot be rebuilt in it");
        } catch (InvocationTargetException e) {
            throw refused(type, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create " + type.getName() + ": " + e, e);
        }
    }

    /** A new {@code record} from its canonical constructor, whose parameters are {@code types}. */
    static Object construct(Class<?> record, Class<?>[] types, Object[] args) {
        try {
            Constructor<?> constructor = record.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw refused(record, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot call the canonical constructor of " + record.getName() + ": " + e, e);
        }
    }

    /** An empty collection of {@code type}, or of a usual kind for an interface ({@code List}, {@code Set}, {@code Queue}). */
    @SuppressWarnings("unchecked")
    static Collection<Object> collection(Class<?> type) {
        if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            return (Collection<Object>) create(type);
        }
        if (SortedSet.class.isAssignableFrom(type)) {
            return new TreeSet<>();
        }
        if (Set.class.isAssignableFrom(type)) {
            return new LinkedHashSet<>();
        }
        return Queue.class.isAssignableFrom(type) ? new ArrayDeque<>() : new ArrayList<>();
    }

    /** An empty map of {@code type}, or of a usual kind for an interface. */
    @SuppressWarnings("unchecked")
    static Map<Object, Object> map(Class<?> type) {
        if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            return (Map<Object, Object>) create(type);
        }
        return SortedMap.class.isAssignableFrom(type) ? new TreeMap<>() : new LinkedHashMap<>();
    }

    /** A constructor of the app threw: a runaway goes on up to the watchdog's caller; anything else fails this value. */
    private static IllegalArgumentException refused(Class<?> type, InvocationTargetException e) {
        if (e.getCause() instanceof Runaway runaway) {
            throw runaway;
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new IllegalArgumentException("the constructor of " + type.getName() + " threw " + cause, cause);
    }

    /** What a record component holds when it has no value: 0 for a number, an empty collection or map, else null. */
    static Object empty(Class<?> type) {
        if (type.isPrimitive()) {
            return Array.get(Array.newInstance(type, 1), 0);
        }
        try {
            if (Collection.class.isAssignableFrom(type)) {
                return Instances.collection(type);
            }
            if (Map.class.isAssignableFrom(type)) {
                return Instances.map(type);
            }
        } catch (IllegalArgumentException e) {
            log.debug("no empty {} to give a record component: {}", type.getName(), e.getMessage());
            return null;
        }
        return type.isArray() ? Array.newInstance(type.getComponentType(), 0) : null;
    }

    /** The value of {@code component} in {@code record}. */
    static Object component(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot read " + component.getName() + " of " + record.getClass().getName(), e);
        }
    }

    /** The field that holds {@code component} in {@code record}. */
    static Field field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("record " + record.getName() + " has no field for its component " + component.getName(), e);
        }
    }
}
