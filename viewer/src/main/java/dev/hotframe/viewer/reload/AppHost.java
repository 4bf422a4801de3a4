package dev.hotframe.viewer.reload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.app.HotframeApp;
import dev.hotframe.wire.ClassFile;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host side of the host/worker split: owns the running app, its state and its class-loader
 * generation, and applies new code by the cheapest tier that works. A failure at any step
 * leaves the previous code and state running. Use from one thread (the render thread).
 */
public final class AppHost {

    private static final Logger log = LoggerFactory.getLogger(AppHost.class);

    /** One generation of the app: its loader, app instance and state codec. */
    private record Generation(GenerationLoader loader, HotframeApp<Object> app, StateCodec codec) {
    }

    private final Instrumentation instrumentation;
    private final ClassLoader parent;
    private Map<String, byte[]> bytes = Map.of();
    private String appClass;
    private Generation current;
    private Object state;
    private int generations;
    /** True when the running code is not the server's current class set (an apply failed). */
    private boolean stale;

    /** @param instrumentation for redefinition; null makes every code change a reload */
    public AppHost(Instrumentation instrumentation) {
        this(instrumentation, AppHost.class.getClassLoader());
    }

    AppHost(Instrumentation instrumentation, ClassLoader parent) {
        this.instrumentation = instrumentation;
        this.parent = parent;
    }

    /** Whether an app is running. */
    public boolean running() {
        return current != null;
    }

    public HotframeApp<Object> app() {
        return current == null ? null : current.app();
    }

    public Object state() {
        return state;
    }

    /** The number of the running generation (1 for the first), 0 when none runs. */
    public int generation() {
        return current == null ? 0 : current.loader().generation();
    }

    /** The state as a JSON tree, for scene bindings; null when no app runs. */
    public JsonNode stateTree() {
        return current == null ? null : current.codec().toTree(state);
    }

    /** The state as pretty JSON, for {@code state.json}. */
    public String stateJson() throws JsonProcessingException {
        return current == null ? "null" : current.codec().toJson(state);
    }

    /**
     * Takes the whole class set from a snapshot. Starts the app the first time; on a later
     * snapshot (a reconnect) reloads only if the code differs, keeping the state.
     */
    public Applied start(String appClassName, List<ClassFile> classes) {
        Map<String, byte[]> next = toMap(classes);
        if (current != null && appClassName.equals(appClass) && sameBytes(bytes, next)) {
            return Applied.ok("snapshot", "the code is unchanged", List.of());
        }
        appClass = appClassName;
        if (next.isEmpty()) {
            return Applied.failed("snapshot", "no classes yet", "the project has no compiled classes yet");
        }
        return current == null ? fresh(next) : reload(next, "resynchronized with the dev server");
    }

    /** Applies changed and removed classes at {@code tier} ({@code redefine} or {@code reload}), escalating if needed. */
    public Applied apply(String tier, String reason, List<ClassFile> changed, List<String> removed) {
        Map<String, byte[]> next = new HashMap<>(bytes);
        changed.forEach(c -> next.put(c.name(), c.bytes()));
        removed.forEach(next::remove);
        if (current == null) {
            return next.isEmpty() || appClass == null ? Applied.failed("reload", reason, "no app to start yet") : fresh(next);
        }
        if (stale) {
            return reload(next, reason + " (after an earlier update failed to apply)");
        }
        if (changed.isEmpty() && removed.isEmpty()) {
            bytes = next;
            return Applied.ok(tier, reason, List.of());
        }
        if (tier.equals("redefine")) {
            String refused = redefine(changed);
            if (refused == null) {
                bytes = next;
                return Applied.ok("redefine", reason, List.of());
            }
            log.info("escalating to reload: {}", refused);
            return reload(next, refused);
        }
        return reload(next, reason);
    }

    /** Redefines loaded classes in one call; returns null on success, or why it could not. */
    private String redefine(List<ClassFile> changed) {
        if (instrumentation == null || !instrumentation.isRedefineClassesSupported()) {
            return "redefinition is not available in this JVM (start the viewer with java -jar)";
        }
        List<ClassDefinition> definitions = new ArrayList<>();
        for (ClassFile file : changed) {
            Class<?> loaded = current.loader().loadedOrNull(file.name());
            if (loaded != null) {
                definitions.add(new ClassDefinition(loaded, file.bytes()));
            }
        }
        try {
            if (!definitions.isEmpty()) {
                instrumentation.redefineClasses(definitions.toArray(ClassDefinition[]::new));
            }
        } catch (UnsupportedOperationException | ClassNotFoundException | UnmodifiableClassException | LinkageError e) {
            return "the JVM refused to redefine (" + e + ")";
        }
        changed.forEach(file -> current.loader().replaceBytes(file.name(), file.bytes()));
        return null;
    }

    private Applied fresh(Map<String, byte[]> next) {
        // These are the server's classes whether or not the app starts; a later partial update builds on them.
        bytes = next;
        try {
            Generation generation = load(next);
            Object initial = generation.app().initialState();
            current = generation;
            state = initial;
            stale = false;
            return Applied.ok("reload", "started " + simple(appClass), List.of());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Applied.failed("reload", "start " + simple(appClass), describe(e));
        }
    }

    private Applied reload(Map<String, byte[]> next, String reason) {
        // The server's class set moves on even if this fails; until a reload works, the running
        // generation is out of date, so later updates reload from the whole set.
        bytes = next;
        stale = true;
        Generation generation;
        try {
            generation = load(next);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Applied.failed("reload", reason, "the new code could not be loaded: " + describe(e));
        }
        if (state == null) {
            current = generation;
            stale = false;
            return Applied.ok("reload", reason, List.of());
        }
        Object migrated;
        List<String> warnings;
        try {
            Class<?> stateType = stateTypeIn(generation);
            JsonNode old = current.codec().toTree(state);
            StateCodec.Migrated result = generation.codec().migrate(old, stateType);
            migrated = result.state();
            warnings = result.warnings();
            warnings.forEach(w -> log.warn("{}", w));
        } catch (JsonProcessingException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Applied.failed("reload", reason, "the state could not be migrated: " + describe(e));
        }
        current = generation;
        state = migrated;
        stale = false;
        return Applied.ok("reload", reason, warnings);
    }

    /** The state's class in the new generation: the same name as the running state's class. */
    private Class<?> stateTypeIn(Generation generation) throws ClassNotFoundException {
        String name = state.getClass().getName();
        ClassLoader loader = state.getClass().getClassLoader() instanceof GenerationLoader ? generation.loader() : parent;
        return Class.forName(name, true, loader);
    }

    @SuppressWarnings("unchecked")
    private Generation load(Map<String, byte[]> classes) throws ReflectiveOperationException {
        GenerationLoader loader = new GenerationLoader(generations + 1, classes, parent);
        Class<?> type = Class.forName(appClass, true, loader);
        if (!HotframeApp.class.isAssignableFrom(type)) {
            throw new IllegalStateException(appClass + " does not implement " + HotframeApp.class.getName());
        }
        HotframeApp<Object> app = (HotframeApp<Object>) type.getDeclaredConstructor().newInstance();
        generations++;
        return new Generation(loader, app, new StateCodec());
    }

    private static boolean sameBytes(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    private static Map<String, byte[]> toMap(List<ClassFile> classes) {
        Map<String, byte[]> map = new HashMap<>();
        classes.forEach(c -> map.put(c.name(), c.bytes()));
        return map;
    }

    private static String simple(String name) {
        return name == null ? "?" : name.substring(name.lastIndexOf('.') + 1);
    }

    /** An exception as one readable line, with the cause that matters. */
    static String describe(Throwable e) {
        Throwable root = e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null ? e.getCause() : e;
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
