package dev.hotframe.scene;

/**
 * How deep a scene may nest: one set of limits, checked where a scene enters (the
 * {@link SceneParser}, which reports the place as {@code file:line:column}), from which the wire
 * derives the JSON depth it encodes and decodes. So a scene the parser accepts always reaches the
 * viewer, and one it refuses is an error in the editor's terms, never a message that cannot be sent.
 */
public final class SceneLimits {

    /** The most levels of nodes, the root counted as one, after components are expanded. */
    public static final int NODE_DEPTH = 100;

    /** The most levels of lists and objects inside one property value (a gradient needs three). */
    public static final int VALUE_DEPTH = 8;

    /**
     * The deepest JSON a scene within these limits makes: an object and a {@code children} list
     * per level of nodes, then the deepest value.
     */
    public static final int JSON_DEPTH = 2 * NODE_DEPTH + VALUE_DEPTH + 1;

    private SceneLimits() {
    }
}
