package dev.hotframe.scene;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scene file: JSON with {@code //} and {@code /* *}{@code /} comments and trailing
 * commas. Every problem is reported as a {@link SceneError} with line and column.
 * Components ({@code "use"}) and styles ({@code "style"}) are expanded here, so the server
 * diffs and the viewer draws plain nodes (see {@link SceneTemplates}).
 *
 * <pre>{@code
 * { "id": "root", "type": "column", "padding": 16, "gap": 8, "children": [
 *     // the title card
 *     { "id": "card", "type": "rect", "w": "1fr", "h": 80, "radius": 12, "fill": "#3366FF" },
 * ] }
 * }</pre>
 */
public final class SceneParser {

    /** Node types the viewer can draw. */
    public static final Set<String> TYPES = Set.of("group", "row", "column", "stack", "rect", "circle", "line", "path",
            "text", "image", "shader", "custom");

    /** Node types that may have children. */
    public static final Set<String> CONTAINERS = Set.of("group", "row", "column", "stack");

    /** Properties whose value must be a colour (or a {@code ${binding}}); {@code fill} may also be a gradient. */
    public static final Set<String> COLOR_PROPS = Set.of("fill", "color", "stroke", "background");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private SceneParser() {
    }

    /** Parses {@code text}; {@code file} names the source in error messages. */
    public static SceneNode parse(String file, String text) throws SceneError {
        try (JsonParser parser = FACTORY.createParser(text)) {
            Reader reader = new Reader(file, parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SceneError(file, 1, 1, "the scene file is empty; expected a node object like {\"id\": \"root\", \"type\": \"group\"}");
            }
            SceneNode root = reader.node(true, reader.ids, 1);
            if (parser.nextToken() != null) {
                throw reader.error(parser.currentTokenLocation(), "unexpected content after the root node");
            }
            return new SceneTemplates(file, reader.components, reader.styles, reader.places).expand(root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SceneError(file, at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()), e.getOriginalMessage());
        } catch (IOException e) {
            throw new SceneError(file, 1, 1, "could not read the scene: " + e.getMessage());
        }
    }

    /** The state of one parse: the parser, the ids seen so far, and the root's components and styles. */
    private static final class Reader {
        private final String file;
        private final JsonParser parser;
        private final Set<String> ids = new HashSet<>();
        final Map<String, SceneTemplates.Component> components = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> styles = new LinkedHashMap<>();
        final Map<SceneNode, int[]> places = new IdentityHashMap<>();

        Reader(String file, JsonParser parser) {
            this.file = file;
            this.parser = parser;
        }

        SceneNode node(boolean root, Set<String> seen, int level) throws IOException, SceneError {
            JsonLocation start = parser.currentTokenLocation();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw error(start, "expected a node object, found " + SceneWords.describe(parser.currentToken()));
            }
            if (level > SceneLimits.NODE_DEPTH) {
                throw error(start, SceneWords.tooDeep());
            }
            String id = null;
            String type = null;
            JsonLocation typeAt = start;
            Map<String, Object> props = new LinkedHashMap<>();
            List<SceneNode> children = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                JsonLocation at = parser.currentTokenLocation();
                switch (name) {
                    case "id" -> {
                        id = string(name, value, at);
                        if (id.isBlank()) {
                            throw error(at, "'id' must not be blank");
                        }
                        if (id.contains("/") || id.contains("#")) {
                            throw error(at, "'id' must not contain '/' or '#' (they separate component and repeat ids), was '" + id + "'");
                        }
                        if (!seen.add(id)) {
                            throw error(at, "duplicate id '" + id + "'; ids must be unique within a scene");
                        }
                    }
                    case "type" -> {
                        type = string(name, value, at);
                        typeAt = at;
                    }
                    case "children" -> children.addAll(children(at, value, seen, level));
                    case "components" -> {
                        if (!root) {
                            throw error(at, "'components' may only be defined on the root node");
                        }
                        components(at, value);
                    }
                    case "styles" -> {
                        if (!root) {
                            throw error(at, "'styles' may only be defined on the root node");
                        }
                        styles(at, value);
                    }
                    default -> props.put(name, prop(name, value, at));
                }
            }
            if (id == null) {
                throw error(start, "node has no 'id'; every node needs a stable id so that edits can be patched");
            }
            if (type == null && props.containsKey("use")) {
                type = "use";
            } else if (type == null) {
                throw error(start, "node '" + id + "' has no 'type'; expected one of " + SceneWords.sorted(TYPES) + ", or 'use' a component");
            } else if (!TYPES.contains(type)) {
                throw error(typeAt, "unknown node type '" + type + "'; expected one of " + SceneWords.sorted(TYPES));
            }
            if (!children.isEmpty() && !CONTAINERS.contains(type)) {
                throw error(start, "node '" + id + "' of type '" + type + "' cannot have children; only "
                        + SceneWords.sorted(CONTAINERS) + " can");
            }
            if (props.containsKey("repeat") && children.size() != 1) {
                throw error(start, "node '" + id + "' repeats over " + props.get("repeat")
                        + "; it needs exactly one child, the template drawn for each item, found " + children.size());
            }
            SceneNode node = new SceneNode(id, type, props, children);
            places.put(node, new int[] {Math.max(1, start.getLineNr()), Math.max(1, start.getColumnNr())});
            return node;
        }

        private List<SceneNode> children(JsonLocation at, JsonToken value, Set<String> seen, int level)
                throws IOException, SceneError {
            if (value != JsonToken.START_ARRAY) {
                throw error(at, "'children' must be an array of nodes, found " + SceneWords.describe(value));
            }
            List<SceneNode> result = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                result.add(node(false, seen, level + 1));
            }
            return result;
        }

        private void components(JsonLocation at, JsonToken value) throws IOException, SceneError {
            if (value != JsonToken.START_OBJECT) {
                throw error(at, "'components' must be an object of name: {\"params\": {...}, \"node\": {...}}, found " + SceneWords.describe(value));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonLocation nameAt = parser.currentTokenLocation();
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw error(nameAt, "component '" + name + "' must be an object with 'params' and 'node'");
                }
                Map<String, Object> params = Map.of();
                SceneNode template = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonToken token = parser.nextToken();
                    JsonLocation keyAt = parser.currentTokenLocation();
                    if (key.equals("params") && token == JsonToken.START_OBJECT) {
                        params = object("params", keyAt, 1);
                    } else if (key.equals("node")) {
                        template = node(false, new HashSet<>(), 2);
                    } else {
                        throw error(keyAt, "component '" + name + "' has '" + key + "'; it takes only 'params' (an object) and 'node'");
                    }
                }
                if (template == null) {
                    throw error(nameAt, "component '" + name + "' has no 'node', the subtree it stands for");
                }
                components.put(name, new SceneTemplates.Component(name, params, template));
            }
        }

        private void styles(JsonLocation at, JsonToken value) throws IOException, SceneError {
            if (value != JsonToken.START_OBJECT) {
                throw error(at, "'styles' must be an object of name: {properties}, found " + SceneWords.describe(value));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonLocation nameAt = parser.currentTokenLocation();
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw error(nameAt, "style '" + name + "' must be an object of properties");
                }
                Map<String, Object> props = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonToken token = parser.nextToken();
                    props.put(key, prop(key, token, parser.currentTokenLocation()));
                }
                styles.put(name, props);
            }
        }

        private Object prop(String name, JsonToken value, JsonLocation at) throws IOException, SceneError {
            Object result = value(name, value, at, 0);
            if (COLOR_PROPS.contains(name)) {
                String problem = Paints.checkPaint(name, result);
                if (problem != null) {
                    throw error(at, problem);
                }
            }
            return result;
        }

        private Object value(String name, JsonToken value, JsonLocation at, int depth) throws IOException, SceneError {
            if ((value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) && depth >= SceneLimits.VALUE_DEPTH) {
                throw error(at, "property '" + name + "' nests lists and objects more than " + SceneLimits.VALUE_DEPTH
                        + " levels deep; the viewer draws nothing that needs more");
            }
            return switch (value) {
                case VALUE_STRING -> parser.getText();
                case VALUE_NUMBER_INT -> parser.getNumberValue();
                case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
                case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
                case START_ARRAY -> list(name, depth + 1);
                case START_OBJECT -> object(name, at, depth + 1);
                default -> throw error(at, "property '" + name + "' must be a string, number, boolean, list or object, found "
                        + SceneWords.describe(value));
            };
        }

        private List<Object> list(String name, int depth) throws IOException, SceneError {
            List<Object> items = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                items.add(value(name, token, parser.currentTokenLocation(), depth));
            }
            return items;
        }

        private Map<String, Object> object(String name, JsonLocation at, int depth) throws IOException, SceneError {
            Map<String, Object> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken token = parser.nextToken();
                fields.put(key, value(name + "." + key, token, parser.currentTokenLocation(), depth));
            }
            return fields;
        }

        private String string(String name, JsonToken value, JsonLocation at) throws SceneError, IOException {
            if (value != JsonToken.VALUE_STRING) {
                throw error(at, "'" + name + "' must be a string, found " + SceneWords.describe(value));
            }
            return parser.getText();
        }

        SceneError error(JsonLocation at, String problem) {
            return new SceneError(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), problem);
        }
    }
}
