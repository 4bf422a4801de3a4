package dev.hotframe.viewer.scene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.scene.Bindings;
import dev.hotframe.scene.SceneNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a scene's bindings against the state for one frame and expands its {@code repeat}s.
 * A subtree without bindings resolves once and is reused while the retained scene keeps the
 * same node (patches copy only the path to what changed); a bound node that resolves to the
 * same values as last frame is reused too. A missing field becomes a warning and the value
 * falls back, never an exception.
 */
final class Resolver {

    /** Properties that name actions, not values; they are kept as written. */
    private static final Set<String> LITERAL = Set.of("onClick", "onHover", "onKey", "repeat", "as", "key");

    private final Set<String> warnings;
    private Map<SceneNode, ResolvedNode> fixed = new IdentityHashMap<>();
    private Map<SceneNode, ResolvedNode> nextFixed = new IdentityHashMap<>();
    private Map<String, ResolvedNode> previous = new HashMap<>();
    private Map<String, ResolvedNode> current = new HashMap<>();
    private final Map<SceneNode, Boolean> bound = new IdentityHashMap<>();

    Resolver(Set<String> warnings) {
        this.warnings = warnings;
    }

    /** Resolves {@code root}; returns null when the root itself is hidden. */
    ResolvedNode resolve(SceneNode root, JsonNode state) {
        nextFixed = new IdentityHashMap<>();
        current = new HashMap<>();
        ResolvedNode result = node(root, Scope.of(state), "");
        fixed = nextFixed;
        previous = current;
        if (bound.size() > 4 * Math.max(64, fixed.size() + previous.size())) {
            bound.clear();
        }
        return result;
    }

    private ResolvedNode node(SceneNode node, Scope scope, String suffix) {
        if (suffix.isEmpty() && !hasBindings(node)) {
            ResolvedNode cached = fixed.get(node);
            if (cached == null) {
                cached = build(node, scope, suffix);
            }
            carry(cached);
            return cached;
        }
        ResolvedNode fresh = build(node, scope, suffix);
        if (fresh == null) {
            return null;
        }
        ResolvedNode old = previous.get(fresh.id);
        ResolvedNode result = fresh.sameAs(old) ? old : fresh;
        current.put(result.id, result);
        return result;
    }

    /** Keeps a static subtree (all of it: a patch may later copy its parent but not it) for the next frame. */
    private void carry(ResolvedNode r) {
        if (r != null && nextFixed.put(r.source, r) == null) {
            r.children.forEach(this::carry);
        }
    }

    private ResolvedNode build(SceneNode node, Scope scope, String suffix) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : node.props().entrySet()) {
            Object value = LITERAL.contains(e.getKey()) ? e.getValue() : value(node, e.getKey(), e.getValue(), scope);
            if (value != null) {
                values.put(e.getKey(), value);
            }
        }
        if (!visible(values.get("visible"))) {
            return null;
        }
        List<ResolvedNode> children = new ArrayList<>();
        if (node.props().containsKey("repeat") && !node.children().isEmpty()) {
            repeat(node, scope, suffix, children);
        } else {
            for (SceneNode child : node.children()) {
                ResolvedNode r = node(child, scope, suffix);
                if (r != null) {
                    children.add(r);
                }
            }
        }
        return new ResolvedNode(node, node.id() + suffix, node.type(), values, List.copyOf(children));
    }

    private void repeat(SceneNode node, Scope scope, String suffix, List<ResolvedNode> out) {
        String path = String.valueOf(node.props().get("repeat"));
        String whole = Bindings.wholePath(path);
        path = whole != null ? whole : path;
        JsonNode items = scope.node(path);
        if (items == null || !items.isArray()) {
            warnings.add("scene node '" + node.id() + "': repeat over ${" + path + "}, which the app state "
                    + (items == null ? "does not have" : "has, but not as a list"));
            return;
        }
        String as = String.valueOf(node.props().getOrDefault("as", "item"));
        Object keyTemplate = node.props().get("key");
        SceneNode template = node.children().get(0);
        for (int i = 0; i < items.size(); i++) {
            Scope itemScope = scope.item(as, items.get(i), i);
            String key = keyTemplate == null ? Integer.toString(i)
                    : Bindings.interpolate(keyTemplate.toString(), p -> itemScope.value(p));
            ResolvedNode r = node(template, itemScope, suffix + "#" + key);
            if (r != null) {
                out.add(r);
            }
        }
    }

    private Object value(SceneNode node, String key, Object raw, Scope scope) {
        if (raw instanceof String text) {
            if (!Bindings.isBinding(text)) {
                return text;
            }
            String whole = Bindings.wholePath(text);
            if (whole != null) {
                Object value = scope.value(whole);
                if (value == null) {
                    warnings.add("scene node '" + node.id() + "': '" + key + "' binds ${" + whole
                            + "}, which the app state does not have");
                }
                return value;
            }
            return Bindings.interpolate(text, path -> {
                Object value = scope.value(path);
                if (value == null) {
                    warnings.add("scene node '" + node.id() + "': ${" + path + "} is not in the app state");
                }
                return value;
            });
        }
        if (raw instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(value(node, key, item, scope)));
            return out;
        }
        if (raw instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), value(node, key + "." + k, v, scope)));
            return out;
        }
        return raw;
    }

    private static boolean visible(Object value) {
        if (value == null || value instanceof Boolean b && b) {
            return true;
        }
        if (value instanceof Boolean) {
            return false;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        String text = value.toString();
        return !text.isEmpty() && !text.equals("false") && !text.equals("0");
    }

    /** Whether anything in the subtree depends on the state (a binding or a repeat). */
    private boolean hasBindings(SceneNode node) {
        Boolean known = bound.get(node);
        if (known != null) {
            return known;
        }
        boolean result = node.props().containsKey("repeat") || containsBinding(node.props().values());
        for (SceneNode child : node.children()) {
            result |= hasBindings(child);
        }
        bound.put(node, result);
        return result;
    }

    private static boolean containsBinding(Iterable<?> values) {
        for (Object value : values) {
            if (value instanceof String s && s.contains("${")) {
                return true;
            }
            if (value instanceof List<?> list && containsBinding(list)) {
                return true;
            }
            if (value instanceof Map<?, ?> map && containsBinding(map.values())) {
                return true;
            }
        }
        return false;
    }
}
