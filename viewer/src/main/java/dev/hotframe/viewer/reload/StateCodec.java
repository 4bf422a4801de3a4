package dev.hotframe.viewer.reload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.hotframe.app.Frame;
import dev.hotframe.app.HotframeApp;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes one generation's app state as a JSON tree, driven by the data: it walks the objects
 * the state holds, reflecting over the app's own classes, and gives Jackson only library values
 * (strings, numbers, enums, library types). So it touches the classes of the data that is
 * there, never the app's whole type graph: Jackson's own bean mapping resolved 700 classes of
 * a big project and overflowed the stack on JDK 25. Each generation has its own codec and
 * mapper, because a shared mapper's caches would keep old generations' classes alive.
 */
final class StateCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .typeFactory(TypeFactory.createDefaultInstance())
            .build();
    private final Map<Class<?>, List<Field>> fields = new ConcurrentHashMap<>();

    /** The state as a tree; values that cannot be written are left out, each with a line in {@code problems} (may be null). */
    JsonNode toTree(Object state, List<String> problems) {
        return orNull(new Writer(problems).write(state, ""));
    }

    JsonNode toTree(Object state) {
        return toTree(state, null);
    }

    String toJson(JsonNode tree) throws JsonProcessingException {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    /** Reads a library value (not an app class) with Jackson; throws {@link IllegalArgumentException} when it does not fit. */
    Object read(JsonNode node, JavaType type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    TypeFactory types() {
        return mapper.getTypeFactory();
    }

    /** Whether {@code type} is one of the app's own classes (defined by a generation). */
    static boolean isAppClass(Class<?> type) {
        return type.getClassLoader() instanceof GenerationLoader;
    }

    /** The fields that hold an app class's state: not static, not transient, its app superclasses' first. */
    List<Field> fields(Class<?> type) {
        return fields.computeIfAbsent(type, t -> {
            List<Class<?>> chain = new ArrayList<>();
            for (Class<?> at = t; at != null && isAppClass(at); at = at.getSuperclass()) {
                chain.add(0, at);
            }
            Map<String, Field> byName = new LinkedHashMap<>();
            for (Class<?> at : chain) {
                for (Field field : at.getDeclaredFields()) {
                    if ((field.getModifiers() & (Modifier.STATIC | Modifier.TRANSIENT)) == 0 && !field.isSynthetic()) {
                        field.setAccessible(true);
                        byName.put(field.getName(), field);
                    }
                }
            }
            return List.copyOf(byName.values());
        });
    }

    /** Values that are not state: the app itself, frames, native handles, threads, class loaders, lambdas. */
    static boolean opaque(Object value) {
        Class<?> type = value.getClass();
        String name = type.getName();
        return value instanceof HotframeApp || value instanceof Frame || value instanceof Thread
                || value instanceof ClassLoader || value instanceof Class || type.isHidden()
                || name.startsWith("io.github.humbleui.") || name.startsWith("org.lwjgl.");
    }

    /** One walk over a state; remembers the objects on the current path to name a cycle. */
    private final class Writer {
        private final List<String> problems;
        private final Map<Object, String> open = new IdentityHashMap<>();

        Writer(List<String> problems) {
            this.problems = problems;
        }

        /** The value as a tree, or null when it cannot be written (a problem says why). */
        JsonNode write(Object value, String path) {
            if (value == null) {
                return NODES.nullNode();
            }
            Class<?> type = value.getClass();
            if (value instanceof Enum<?> constant) {
                return NODES.textNode(constant.name());
            }
            boolean container = isAppClass(type) || value instanceof Collection || value instanceof Map
                    || type.isArray() && !type.getComponentType().isPrimitive();
            if (!container) {
                return leaf(value, path);
            }
            String earlier = open.put(value, path);
            if (earlier != null) {
                throw new IllegalStateException(name(path) + " refers back to " + name(earlier)
                        + ": the state must be a tree, without cycles");
            }
            try {
                return container(value, type, path);
            } finally {
                open.remove(value);
            }
        }

        private JsonNode container(Object value, Class<?> type, String path) {
            if (value instanceof Collection<?> collection) {
                ArrayNode array = NODES.arrayNode();
                int i = 0;
                for (Object element : collection) {
                    array.add(orNull(write(element, path + "[" + i++ + "]")));
                }
                return array;
            }
            if (type.isArray()) {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < Array.getLength(value); i++) {
                    array.add(orNull(write(Array.get(value, i), path + "[" + i + "]")));
                }
                return array;
            }
            ObjectNode object = NODES.objectNode();
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, element) -> {
                    String name = key instanceof Enum<?> constant ? constant.name() : String.valueOf(key);
                    JsonNode node = write(element, StateMigration.join(path, name));
                    if (node != null) {
                        object.set(name, node);
                    }
                });
                return object;
            }
            for (Field field : fields(type)) {
                Object element;
                try {
                    element = field.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + name(StateMigration.join(path, field.getName())), e);
                }
                JsonNode node = element != null && opaque(element) ? null : write(element, StateMigration.join(path, field.getName()));
                if (node != null) {
                    object.set(field.getName(), node);
                }
            }
            return object;
        }

        private JsonNode leaf(Object value, String path) {
            try {
                return mapper.valueToTree(value);
            } catch (IllegalArgumentException e) {
                if (problems != null) {
                    problems.add(name(path) + " was not carried over: its " + value.getClass().getName()
                            + " cannot be written as JSON (" + firstLine(e.getMessage()) + ")");
                }
                return null;
            }
        }
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NODES.nullNode() : node;
    }

    /** How warnings name a place in the state. */
    static String name(String path) {
        return path.isEmpty() ? "the state" : "state field '" + path + "'";
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
