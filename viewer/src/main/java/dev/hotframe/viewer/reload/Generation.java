package dev.hotframe.viewer.reload;

import dev.hotframe.app.HotframeApp;
import dev.hotframe.viewer.assets.AssetResources;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/** One generation of the app: its class loader, its app instance and its state codec. */
record Generation(GenerationLoader loader, HotframeApp<Object> app, StateCodec codec) {

    /**
     * Defines the classes in a new loader, runs the static initializers of {@code appClass} and
     * of every class in {@code warmUp} (the classes the previous generation had initialized, so
     * that a broken static initializer fails this update, not a frame later), and creates the app.
     */
    @SuppressWarnings("unchecked")
    static Generation load(int number, String appClass, Map<String, byte[]> classes, ClassLoader parent, List<String> warmUp,
                           AssetResources resources) throws ReflectiveOperationException {
        GenerationLoader loader = new GenerationLoader(number, classes, parent, resources);
        Class<?> type = Class.forName(appClass, true, loader);
        if (!HotframeApp.class.isAssignableFrom(type)) {
            throw new IllegalStateException(appClass + " does not implement " + HotframeApp.class.getName());
        }
        for (String name : warmUp) {
            if (classes.containsKey(name)) {
                Class.forName(name, true, loader);
            }
        }
        HotframeApp<Object> app = (HotframeApp<Object>) type.getDeclaredConstructor().newInstance();
        return new Generation(loader, app, new StateCodec());
    }

    int number() {
        return loader.generation();
    }

    /** The name of the app's class. */
    String appClass() {
        return app.getClass().getName();
    }

    /** The state class the app declares ({@code S} in {@code HotframeApp<S>}), or null when it does not say. */
    Class<?> declaredStateType() {
        return stateTypeOf(app.getClass(), 0);
    }

    private static Class<?> stateTypeOf(Type type, int depth) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : type instanceof Class<?> c ? c : null;
        if (raw == null || depth > 8) {
            return null;
        }
        if (raw == HotframeApp.class) {
            if (type instanceof ParameterizedType p) {
                Type argument = p.getActualTypeArguments()[0];
                return argument instanceof Class<?> c ? c : argument instanceof ParameterizedType q ? (Class<?>) q.getRawType() : null;
            }
            return null;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Class<?> found = stateTypeOf(parent, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return raw.getGenericSuperclass() == null ? null : stateTypeOf(raw.getGenericSuperclass(), depth + 1);
    }
}
