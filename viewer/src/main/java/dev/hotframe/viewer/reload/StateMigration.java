package dev.hotframe.viewer.reload;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hotframe.app.Was;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an old state tree into a new generation's classes, field by field, with schema
 * evolution: a field the old state lacks keeps its initializer; an old field the new class
 * lacks goes to the {@link Attic}, and comes back from there when a later class has it again;
 * a field marked {@link Was} takes the value of its old name; a value that no longer fits its
 * field's type is converted by Jackson where it can be (int to double, number to String), and
 * otherwise the field keeps its initializer (a record component: 0, an empty collection or map),
 * with one warning that names it, however many elements of a list or map it was reset in.
 * Types are the generic ones, resolved through the classes that declare the fields: a
 * {@code Map<String, List<Integer>>} that became a {@code Map<String, Integer>} does not fit
 * and is reset, and a {@code T} inherited from {@code Base<T>} is read as the type argument the
 * subclass gives it. Only the objects in the tree are visited, so only their classes are touched.
 */
final class StateMigration {

    private static final Logger log = LoggerFactory.getLogger(StateMigration.class);

    private final StateCodec codec;
    private final LinkedHashMap<String, JsonNode> attic;
    /** Fields reset, by their place with element indices left out: one warning per field, not one per element. */
    private final Map<String, Reset> resets = new LinkedHashMap<>();

    /** The new state, what could not be carried over, and what was kept aside. */
    record Migrated(Object state, List<String> warnings, Attic attic) {
    }

    /** Where an old value for a field was found: in the old tree, or in the attic. */
    private record Found(String name, JsonNode node, boolean kept) {
    }

    /**
     * A place in the state: {@code path} names it ({@code balls[2].tags}, the attic's key), and
     * {@code field} names it without element indices ({@code balls[].tags}), so that a field
     * reset in every element of a list is one warning.
     */
    private record At(String path, String field) {
        static final At ROOT = new At("", "");

        At member(String name) {
            return new At(join(path, name), join(field, name));
        }

        At element(int index) {
            return new At(path + "[" + index + "]", field + "[]");
        }

        At entry(String key) {
            return new At(join(path, key), field + "[]");
        }
    }

    /** The first place a field was reset at, why, and in how many places. */
    private static final class Reset {
        private final String path;
        private final String why;
        private int count = 1;

        Reset(String path, String why) {
            this.path = path;
            this.why = why;
        }

        String warning(String field) {
            return count == 1 ? StateCodec.name(path) + " was reset: its old value does not fit the new type (" + why + ")"
                    : StateCodec.name(field) + " was reset in " + count + " elements: its old value does not fit the new type ("
                    + why + ")";
        }
    }

    private StateMigration(StateCodec codec, Attic attic) {
        this.codec = codec;
        this.attic = new LinkedHashMap<>(attic.values());
    }

    /**
     * @param initial an object of {@code type} to fill (what {@code initialState()} returned, on a
     *                restart), or null to create one with the no-argument constructor
     * @throws IllegalArgumentException when the state as a whole cannot be built
     */
    static Migrated migrate(StateCodec codec, JsonNode old, Class<?> type, Object initial, Attic attic) {
        StateMigration migration = new StateMigration(codec, attic);
        Object state = migration.value(old, codec.types().constructType(type), initial, At.ROOT);
        Iterator<String> oldest = migration.attic.keySet().iterator();
        while (migration.attic.size() > Attic.LIMIT) {
            oldest.next();
            oldest.remove();
        }
        List<String> warnings = new ArrayList<>();
        migration.resets.forEach((field, reset) -> warnings.add(reset.warning(field)));
        return new Migrated(state, List.copyOf(warnings), new Attic(migration.attic));
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private Object value(JsonNode node, JavaType type, Object initial, At path) {
        Class<?> raw = type.getRawClass();
        if (node.isNull()) {
            if (raw.isPrimitive()) {
                throw new IllegalArgumentException("null does not fit the primitive type " + raw.getName());
            }
            return null;
        }
        if (node.isObject() && StateCodec.isAppClass(raw) && !raw.isEnum()) {
            if (raw.isRecord()) {
                return record((ObjectNode) node, type, initial, path);
            }
            if (!raw.isInterface() && !Modifier.isAbstract(raw.getModifiers())) {
                return object((ObjectNode) node, type, initial, path);
            }
            if (initial != null && StateCodec.isAppClass(initial.getClass()) && raw.isInstance(initial)) {
                // Declared as an interface: the initializer's class is the best guess at the value's class.
                return object((ObjectNode) node, codec.types().constructType(initial.getClass()), initial, path);
            }
        }
        JavaType content = type.getContentType();
        if (content != null && holdsAppClasses(content)) {
            if (node.isArray() && (type.isCollectionLikeType() || type.isArrayType())) {
                return elements((ArrayNode) node, type, path);
            }
            if (node.isObject() && type.isMapLikeType()) {
                return entries((ObjectNode) node, type, path);
            }
        }
        return codec.read(node, type);
    }

    private Object object(ObjectNode node, JavaType type, Object initial, At path) {
        Class<?> raw = type.getRawClass();
        Object target = initial != null && initial.getClass() == raw ? initial : Instances.create(raw);
        Set<String> taken = new HashSet<>();
        for (Field field : codec.fields(raw)) {
            Found found = find(node, path.path(), field);
            if (found == null) {
                continue;
            }
            At at = path.member(field.getName());
            try {
                field.set(target, value(found.node(), memberType(type, field), field.get(target), at));
            } catch (IllegalArgumentException | IllegalAccessException e) {
                reset(found, at, e);
            }
            settle(found, path.path(), taken);
        }
        keepAside(node, taken, path.path());
        return target;
    }

    /**
     * A record has no initializers: a component the old state lacks, or whose old value no longer
     * fits, takes its value from {@code initial}, else 0, an empty collection or map, or null.
     */
    private Object record(ObjectNode node, JavaType type, Object initial, At path) {
        Class<?> raw = type.getRawClass();
        RecordComponent[] components = raw.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = raw.isInstance(initial) ? Instances.component(components[i], initial) : Instances.empty(types[i]);
            Field field = Instances.field(raw, components[i]);
            Found found = find(node, path.path(), field);
            if (found != null) {
                At at = path.member(field.getName());
                try {
                    args[i] = value(found.node(), memberType(type, field), null, at);
                } catch (IllegalArgumentException e) {
                    reset(found, at, e);
                }
                settle(found, path.path(), taken);
            }
        }
        keepAside(node, taken, path.path());
        return Instances.construct(raw, types, args);
    }

    private Object elements(ArrayNode node, JavaType type, At path) {
        JavaType content = type.getContentType();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            values.add(value(node.get(i), content, null, path.element(i)));
        }
        if (type.isArrayType()) {
            Object array = Array.newInstance(content.getRawClass(), values.size());
            for (int i = 0; i < values.size(); i++) {
                Array.set(array, i, values.get(i));
            }
            return array;
        }
        Collection<Object> collection = Instances.collection(type.getRawClass());
        collection.addAll(values);
        return collection;
    }

    private Object entries(ObjectNode node, JavaType type, At path) {
        Map<Object, Object> map = Instances.map(type.getRawClass());
        node.fields().forEachRemaining(entry -> map.put(codec.read(TextNode.valueOf(entry.getKey()), type.getKeyType()),
                value(entry.getValue(), type.getContentType(), null, path.entry(entry.getKey()))));
        return map;
    }

    /** The field's value in the old tree under its name or an old name, else in the attic. */
    private Found find(ObjectNode node, String path, Field field) {
        List<String> names = new ArrayList<>();
        names.add(field.getName());
        Was was = field.getAnnotation(Was.class);
        if (was != null) {
            names.addAll(List.of(was.value()));
        }
        for (String name : names) {
            if (node.has(name)) {
                return new Found(name, node.get(name), false);
            }
        }
        for (String name : names) {
            JsonNode kept = attic.get(join(path, name));
            if (kept != null) {
                return new Found(name, kept, true);
            }
        }
        return null;
    }

    private void settle(Found found, String path, Set<String> taken) {
        if (found.kept()) {
            attic.remove(join(path, found.name()));
        } else {
            taken.add(found.name());
        }
    }

    private void reset(Found found, At at, Exception e) {
        if (found.kept()) {
            log.debug("the value kept aside for {} no longer fits ({}); it is dropped", at.path(), e.getMessage());
        } else {
            Reset earlier = resets.putIfAbsent(at.field(), new Reset(at.path(), StateCodec.firstLine(e.getMessage())));
            if (earlier != null) {
                earlier.count++;
            }
        }
    }

    private void keepAside(ObjectNode node, Set<String> taken, String path) {
        node.fields().forEachRemaining(entry -> {
            if (!taken.contains(entry.getKey())) {
                attic.remove(join(path, entry.getKey()));
                attic.put(join(path, entry.getKey()), entry.getValue());
            }
        });
    }

    /**
     * The field's type with the owner's type arguments filled in, through the superclass that
     * declares it: {@code T value} in {@code Base<T>} is a {@code List<Item>} in a
     * {@code State extends Base<List<Item>>}, not an {@code Object} read back as a map.
     */
    private JavaType memberType(JavaType owner, Field field) {
        JavaType declaring = owner.getRawClass() == field.getDeclaringClass() ? owner : owner.findSuperType(field.getDeclaringClass());
        return codec.types().resolveMemberType(field.getGenericType(), (declaring == null ? owner : declaring).getBindings());
    }

    private static boolean holdsAppClasses(JavaType type) {
        return StateCodec.isAppClass(type.getRawClass()) || type.getContentType() != null && holdsAppClasses(type.getContentType());
    }
}
