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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scene file: JSON with {@code //} and {@code /* *}{@code /} comments and trailing
 * commas. Every problem is reported as a {@link SceneError} with line and column.
 *
 * <pre>{@code
 * { "id": "root", "type": "group", "children": [
 *     // the title card
 *     { "id": "card", "type": "rect", "x": 20, "y": 20, "w": 200, "h": 80, "radius": 12, "fill": "#3366FF" },
 * ] }
 * }</pre>
 */
public final class SceneParser {

    /** Node types the viewer can draw. */
    public static final Set<String> TYPES = Set.of("group", "rect", "circle", "text", "line");

    /** Properties whose value must be a colour (or a {@code ${binding}}). */
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
            SceneNode root = reader.node();
            if (parser.nextToken() != null) {
                throw reader.error(parser.currentTokenLocation(), "unexpected content after the root node");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SceneError(file, at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()), e.getOriginalMessage());
        } catch (IOException e) {
            throw new SceneError(file, 1, 1, "could not read the scene: " + e.getMessage());
        }
    }

    /** The state of one parse: the parser and the ids seen so far. */
    private static final class Reader {
        private final String file;
        private final JsonParser parser;
        private final Set<String> ids = new HashSet<>();

        Reader(String file, JsonParser parser) {
            this.file = file;
            this.parser = parser;
        }

        SceneNode node() throws IOException, SceneError {
            JsonLocation start = parser.currentTokenLocation();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw error(start, "expected a node object, found " + describe(parser.currentToken()));
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
                        if (!ids.add(id)) {
                            throw error(at, "duplicate id '" + id + "'; ids must be unique within a scene");
                        }
                    }
                    case "type" -> {
                        type = string(name, value, at);
                        typeAt = at;
                    }
                    case "children" -> children.addAll(children(at, value));
                    default -> props.put(name, prop(name, value, at));
                }
            }
            if (id == null) {
                throw error(start, "node has no 'id'; every node needs a stable id so that edits can be patched");
            }
            if (type == null) {
                throw error(start, "node '" + id + "' has no 'type'; expected one of " + sorted(TYPES));
            }
            if (!TYPES.contains(type)) {
                throw error(typeAt, "unknown node type '" + type + "'; expected one of " + sorted(TYPES));
            }
            if (!children.isEmpty() && !type.equals("group")) {
                throw error(start, "node '" + id + "' of type '" + type + "' cannot have children; only 'group' can");
            }
            return new SceneNode(id, type, props, children);
        }

        private List<SceneNode> children(JsonLocation at, JsonToken value) throws IOException, SceneError {
            if (value != JsonToken.START_ARRAY) {
                throw error(at, "'children' must be an array of nodes, found " + describe(value));
            }
            List<SceneNode> result = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                result.add(node());
            }
            return result;
        }

        private Object prop(String name, JsonToken value, JsonLocation at) throws IOException, SceneError {
            Object result = switch (value) {
                case VALUE_STRING -> parser.getText();
                case VALUE_NUMBER_INT -> parser.getNumberValue();
                case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
                case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
                case START_ARRAY -> list(name, at);
                default -> throw error(at, "property '" + name + "' must be a string, number, boolean or list, found " + describe(value));
            };
            if (COLOR_PROPS.contains(name)) {
                if (!(result instanceof String text) || !(Colors.isColor(text) || Bindings.isBinding(text))) {
                    throw error(at, "property '" + name + "' must be a colour written #RRGGBB or #AARRGGBB, was " + shown(result));
                }
            }
            return result;
        }

        private List<Object> list(String name, JsonLocation at) throws IOException, SceneError {
            List<Object> items = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                switch (token) {
                    case VALUE_STRING -> items.add(parser.getText());
                    case VALUE_NUMBER_INT -> items.add(parser.getNumberValue());
                    case VALUE_NUMBER_FLOAT -> items.add(parser.getDoubleValue());
                    case VALUE_TRUE, VALUE_FALSE -> items.add(parser.getBooleanValue());
                    default -> throw error(parser.currentTokenLocation(),
                            "list '" + name + "' may hold only strings, numbers and booleans, found " + describe(token));
                }
            }
            return items;
        }

        private String string(String name, JsonToken value, JsonLocation at) throws SceneError, IOException {
            if (value != JsonToken.VALUE_STRING) {
                throw error(at, "'" + name + "' must be a string, found " + describe(value));
            }
            return parser.getText();
        }

        SceneError error(JsonLocation at, String problem) {
            return new SceneError(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), problem);
        }
    }

    private static String shown(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }
}
