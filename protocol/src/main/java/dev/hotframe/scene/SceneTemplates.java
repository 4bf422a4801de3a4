package dev.hotframe.scene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands components and styles into plain nodes. This happens where the file is read, on the
 * server, so that the diff sees the final tree: a change to a component's template becomes
 * minimal ops on every instance, and the viewer never needs to know that components exist.
 *
 * <p>A component instance {@code {"id": "frames", "use": "Card", "with": {"title": "Frames"}}}
 * becomes the component's node with id {@code frames}; its descendants get ids
 * {@code frames/<template id>}. {@code {{param}}} in the template's values is replaced by the
 * instance's argument (a whole-value {@code "{{w}}"} keeps the argument's type). Other
 * properties on the instance override those of the component's root. A {@code "style"} (a name
 * or a list of names) puts the style's properties under the node's own.
 */
final class SceneTemplates {

    /** A named subtree with parameters and their defaults. */
    record Component(String name, Map<String, Object> params, SceneNode node) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final int MAX_DEPTH = 16;

    private final String file;
    private final Map<String, Component> components;
    private final Map<String, Map<String, Object>> styles;
    private final Map<SceneNode, int[]> places;

    SceneTemplates(String file, Map<String, Component> components, Map<String, Map<String, Object>> styles,
                   Map<SceneNode, int[]> places) {
        this.file = file;
        this.components = components;
        this.styles = styles;
        this.places = places;
    }

    SceneNode expand(SceneNode root) throws SceneError {
        SceneNode expanded = expand(root, null, null, null, 0, 1);
        checkUnique(root, expanded, new HashSet<>());
        return expanded;
    }

    /** @param depth how many components this node is inside; {@code level} its level in the expanded tree */
    private SceneNode expand(SceneNode node, Map<String, Object> args, Component in, String prefix, int depth, int level)
            throws SceneError {
        if (level > SceneLimits.NODE_DEPTH) {
            throw error(node, SceneWords.tooDeep() + (in == null ? "" : " (inside component '" + in.name() + "')"));
        }
        Map<String, Object> props = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : node.props().entrySet()) {
            Object value = args == null ? e.getValue() : substitute(node, e.getValue(), args, in);
            if (args != null && depthOf(value) > SceneLimits.VALUE_DEPTH) {
                throw error(node, "property '" + e.getKey() + "' of '" + node.id() + "' nests lists and objects more than "
                        + SceneLimits.VALUE_DEPTH + " levels deep once component '" + in.name() + "' puts its arguments in");
            }
            props.put(e.getKey(), value);
        }
        String id = prefix == null ? node.id() : prefix + "/" + node.id();
        if (node.type().equals("use")) {
            return use(node, id, props, depth, level);
        }
        props = styled(node, props);
        List<SceneNode> children = new ArrayList<>();
        for (SceneNode child : node.children()) {
            children.add(expand(child, args, in, prefix, depth, level + 1));
        }
        return new SceneNode(id, node.type(), props, children);
    }

    private SceneNode use(SceneNode node, String id, Map<String, Object> props, int depth, int level) throws SceneError {
        Object name = props.remove("use");
        Component component = components.get(String.valueOf(name));
        if (component == null) {
            throw error(node, "node '" + node.id() + "' uses the unknown component '" + name + "'; defined: "
                    + (components.isEmpty() ? "none (define them under \"components\" on the root node)"
                    : SceneWords.sorted(components.keySet())));
        }
        if (depth >= MAX_DEPTH) {
            throw error(node, "components nest deeper than " + MAX_DEPTH + " levels at '" + node.id() + "'; does '"
                    + name + "' use itself?");
        }
        Object with = props.remove("with");
        if (with != null && !(with instanceof Map)) {
            throw error(node, "'with' of '" + node.id() + "' must be an object of parameter values, was " + with);
        }
        Map<String, Object> args = new HashMap<>(component.params());
        if (with instanceof Map<?, ?> given) {
            for (Map.Entry<?, ?> e : given.entrySet()) {
                if (!component.params().containsKey(String.valueOf(e.getKey()))) {
                    throw error(node, "component '" + name + "' has no parameter '" + e.getKey() + "'; its parameters are "
                            + (component.params().isEmpty() ? "none" : SceneWords.sorted(component.params().keySet())));
                }
                args.put(String.valueOf(e.getKey()), e.getValue());
            }
        }
        SceneNode body = expand(component.node(), args, component, id, depth + 1, level);
        Map<String, Object> merged = new LinkedHashMap<>(body.props());
        merged.putAll(styled(node, props));
        return new SceneNode(id, body.type(), merged, body.children());
    }

    private static int depthOf(Object value) {
        int deepest = 0;
        if (value instanceof Map<?, ?> map) {
            for (Object item : map.values()) {
                deepest = Math.max(deepest, depthOf(item));
            }
            return deepest + 1;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                deepest = Math.max(deepest, depthOf(item));
            }
            return deepest + 1;
        }
        return 0;
    }

    private Map<String, Object> styled(SceneNode node, Map<String, Object> props) throws SceneError {
        Object style = props.remove("style");
        if (style == null) {
            return props;
        }
        List<?> names = style instanceof List<?> list ? list : List.of(style);
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Object name : names) {
            Map<String, Object> found = styles.get(String.valueOf(name));
            if (found == null) {
                throw error(node, "node '" + node.id() + "' has the unknown style '" + name + "'; defined: "
                        + (styles.isEmpty() ? "none (define them under \"styles\" on the root node)" : SceneWords.sorted(styles.keySet())));
            }
            merged.putAll(found);
        }
        merged.putAll(props);
        return merged;
    }

    private Object substitute(SceneNode node, Object value, Map<String, Object> args, Component in) throws SceneError {
        if (value instanceof String text) {
            Matcher whole = PARAM.matcher(text);
            if (whole.matches()) {
                return arg(node, whole.group(1), args, in);
            }
            Matcher m = PARAM.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(arg(node, m.group(1), args, in))));
            }
            m.appendTail(out);
            return out.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(substitute(node, item, args, in));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), substitute(node, e.getValue(), args, in));
            }
            return out;
        }
        return value;
    }

    private Object arg(SceneNode node, String name, Map<String, Object> args, Component in) throws SceneError {
        if (!args.containsKey(name)) {
            throw error(node, "{{" + name + "}} in component '" + in.name() + "' is not one of its parameters ("
                    + (in.params().isEmpty() ? "none" : SceneWords.sorted(in.params().keySet())) + "); declare it under \"params\"");
        }
        return args.get(name);
    }

    private void checkUnique(SceneNode source, SceneNode expanded, Set<String> seen) throws SceneError {
        if (!seen.add(expanded.id())) {
            throw error(source, "duplicate id '" + expanded.id() + "' after expanding components; ids must be unique within a scene");
        }
        if (!SceneParser.TYPES.contains(expanded.type())) {
            throw error(source, "unknown node type '" + expanded.type() + "'");
        }
        boolean sameShape = source.children().size() == expanded.children().size() && !source.type().equals("use");
        for (int i = 0; i < expanded.children().size(); i++) {
            checkUnique(sameShape ? source.children().get(i) : source, expanded.children().get(i), seen);
        }
    }

    private SceneError error(SceneNode node, String problem) {
        int[] at = places.getOrDefault(node, new int[] {1, 1});
        return new SceneError(file, at[0], at[1], problem);
    }
}
