package dev.hotframe.viewer.scene;

import dev.hotframe.app.Action;
import dev.hotframe.app.InputEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns input into the named actions of scene nodes, hit-testing the boxes of the last frame
 * drawn (with their transforms): {@code onClick} fires on a left-button press over the topmost
 * node that has one, {@code onHover} when the pointer enters a node, and {@code onKey}
 * ({@code {"SPACE": "spawn"}}) on a key press while the node is on screen. Render thread only.
 */
public final class SceneEvents {

    /** One node that listens, with the inverse of its device transform. */
    private record Region(String id, float[] inverse, float w, float h, String onClick, String onHover, String arg) {
        boolean contains(float dx, float dy) {
            float x = inverse[0] * dx + inverse[1] * dy + inverse[2];
            float y = inverse[3] * dx + inverse[4] * dy + inverse[5];
            return x >= 0 && y >= 0 && x < w && y < h;
        }
    }

    private record KeyAction(String action, String id, String arg) {
    }

    private List<Region> building = new ArrayList<>();
    private List<Region> regions = List.of();
    private Map<String, KeyAction> buildingKeys = new LinkedHashMap<>();
    private Map<String, KeyAction> keys = Map.of();
    private float[] base = {1, 0, 0, 0, 1, 0};
    private float[] nextBase = base;
    private String hovered;

    /** Where logical pixels go on the device this frame (the canvas matrix before the scene drew). */
    void base(float[] matrix) {
        nextBase = matrix;
    }

    void listen(String id, float[] deviceMatrix, float w, float h, ResolvedNode node) {
        String click = node.string("onClick", null);
        String hover = node.string("onHover", null);
        String arg = node.string("arg", "");
        if (click != null || hover != null) {
            float[] inverse = invert(deviceMatrix);
            if (inverse != null) {
                building.add(new Region(id, inverse, w, h, click, hover, arg));
            }
        }
        if (node.get("onKey") instanceof Map<?, ?> map) {
            map.forEach((key, action) -> buildingKeys.put(String.valueOf(key), new KeyAction(String.valueOf(action), id, arg)));
        }
    }

    /** Makes the regions of the frame just drawn the ones that input is tested against. */
    void publish() {
        regions = building;
        keys = buildingKeys;
        base = nextBase;
        building = new ArrayList<>();
        buildingKeys = new LinkedHashMap<>();
    }

    /** The actions that {@code event} triggers, in order; usually none or one. */
    public List<Action> actionsFor(InputEvent event) {
        if (event instanceof InputEvent.Key key && key.pressed()) {
            KeyAction action = keys.get(key.key());
            return action == null ? List.of() : List.of(new Action(action.action(), action.id(), "key", action.arg()));
        }
        if (!(event instanceof InputEvent.Pointer p)) {
            return List.of();
        }
        float dx = (float) (base[0] * p.x() + base[1] * p.y() + base[2]);
        float dy = (float) (base[3] * p.x() + base[4] * p.y() + base[5]);
        if (p.kind() == InputEvent.PointerKind.DOWN && p.button() == 0) {
            for (int i = regions.size() - 1; i >= 0; i--) {
                Region r = regions.get(i);
                if (r.onClick() != null && r.contains(dx, dy)) {
                    return List.of(new Action(r.onClick(), r.id(), "click", r.arg()));
                }
            }
            return List.of();
        }
        if (p.kind() == InputEvent.PointerKind.MOVE) {
            Region over = null;
            for (int i = regions.size() - 1; i >= 0 && over == null; i--) {
                Region r = regions.get(i);
                if (r.onHover() != null && r.contains(dx, dy)) {
                    over = r;
                }
            }
            String id = over == null ? null : over.id();
            if (id != null && !id.equals(hovered)) {
                hovered = id;
                return List.of(new Action(over.onHover(), id, "hover", over.arg()));
            }
            hovered = id;
        }
        return List.of();
    }

    /** Inverts an affine 3x3 matrix given row-major (the first six values are used). */
    static float[] invert(float[] m) {
        double det = (double) m[0] * m[4] - (double) m[1] * m[3];
        if (Math.abs(det) < 1e-12) {
            return null;
        }
        double a = m[4] / det;
        double b = -m[1] / det;
        double d = -m[3] / det;
        double e = m[0] / det;
        return new float[] {(float) a, (float) b, (float) (-(a * m[2] + b * m[5])),
                (float) d, (float) e, (float) (-(d * m[2] + e * m[5]))};
    }
}
