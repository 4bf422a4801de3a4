package dev.hotframe.app;

/**
 * A named action that a scene node's event asked for, delivered to {@link HotframeApp#onAction}.
 * Scenes name actions instead of holding code, so that editing a scene never needs javac:
 *
 * <pre>{@code
 * { "id": "reset", "type": "rect", "onClick": "reset" }
 * { "id": "row", "type": "row", "onClick": "select", "arg": "${item.name}" }   // inside a repeat
 * { "id": "root", "type": "stack", "onKey": { "SPACE": "spawn" } }
 * }</pre>
 *
 * @param name  the action's name as written in the scene
 * @param node  the id of the node whose event fired (repeated nodes carry {@code #key} suffixes)
 * @param event {@code "click"}, {@code "hover"} (the pointer entered the node) or {@code "key"}
 * @param arg   the node's {@code "arg"} with its bindings resolved, or an empty string
 */
public record Action(String name, String node, String event, String arg) {
}
