package dev.hotframe.viewer.scene;

import dev.hotframe.viewer.assets.Assets;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.paragraph.Paragraph;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out resolved nodes: {@code row} and {@code column} (flex-like: padding, gap, {@code justify}
 * on the main axis, {@code align} on the cross axis, fixed, percentage, fr and fit sizes),
 * {@code stack} (children on top of each other, placed by {@code align} horizontally and
 * {@code justify} vertically) and {@code group} (children at their own {@code x}, {@code y}).
 * Each result is cached by the resolved node's identity and the space it was given, so a frame
 * lays out again only the subtrees whose node or bound values changed.
 */
final class SceneLayout {

    private record Key(float availW, float availH, boolean stretchW, boolean stretchH) {
    }

    private record Entry(Key key, LaidOut out) {
    }

    private final Assets assets;
    private final TextCache text;
    private Map<ResolvedNode, Entry> cache = new IdentityHashMap<>();
    private Map<ResolvedNode, Entry> next = new IdentityHashMap<>();
    private long assetVersion = Long.MIN_VALUE;
    private int computed;

    SceneLayout(Assets assets, TextCache text) {
        this.assets = assets;
        this.text = text;
    }

    /** Lays out a scene root in a frame of {@code width} x {@code height}. */
    LaidOut layout(ResolvedNode root, float width, float height) {
        if (assets.version() != assetVersion) {
            assetVersion = assets.version();
            cache.clear();
            text.clear();
        }
        next = new IdentityHashMap<>();
        computed = 0;
        LaidOut out = node(root, width, height, false, false);
        cache = next;
        return out;
    }

    /** How many nodes the last {@link #layout} computed instead of taking from the cache. */
    int computedLastTime() {
        return computed;
    }

    LaidOut node(ResolvedNode n, float availW, float availH, boolean stretchW, boolean stretchH) {
        Key key = key(n, availW, availH, stretchW, stretchH);
        Entry hit = cache.get(n);
        if (hit == null || !hit.key().equals(key)) {
            hit = next.get(n);
        }
        if (hit != null && hit.key().equals(key)) {
            next.put(n, hit);
            keep(hit.out());
            return hit.out();
        }
        computed++;
        LaidOut out = compute(n, availW, availH, stretchW, stretchH);
        next.put(n, new Entry(key, out));
        return out;
    }

    /**
     * The space a node was given, left out where its size cannot depend on it (a leaf with a fixed
     * or intrinsic size), so that a sibling growing does not lay out every fixed-size neighbour again.
     */
    private static Key key(ResolvedNode n, float availW, float availH, boolean stretchW, boolean stretchH) {
        boolean container = n.type.equals("row") || n.type.equals("column") || n.type.equals("stack") || n.type.equals("group");
        if (container) {
            return new Key(availW, availH, stretchW, stretchH);
        }
        boolean text = n.type.equals("text");
        boolean needsW = dependsOnSpace(n.get("w"), stretchW) || text && !(n.get("w") instanceof Number);
        boolean needsH = dependsOnSpace(n.get("h"), stretchH);
        return new Key(needsW ? availW : -1, needsH ? availH : -1, needsW && stretchW, needsH && stretchH);
    }

    private static boolean dependsOnSpace(Object size, boolean stretch) {
        Sizes.Kind kind = Sizes.size(size).kind();
        return kind == Sizes.Kind.PERCENT || kind == Sizes.Kind.FR || stretch && kind == Sizes.Kind.FIT;
    }

    /** Carries a cached subtree's entries and paragraphs over into this frame. */
    private void keep(LaidOut out) {
        if (out.paragraph() != null) {
            text.paragraph(out.node(), Math.max(1, out.w()));
        }
        for (LaidOut child : out.children()) {
            Entry entry = cache.get(child.node());
            if (entry != null && entry.out() == child) {
                next.put(child.node(), entry);
            }
            keep(child);
        }
    }

    private LaidOut compute(ResolvedNode n, float availW, float availH, boolean stretchW, boolean stretchH) {
        Sizes.Size sw = Sizes.size(n.get("w"));
        Sizes.Size sh = Sizes.size(n.get("h"));
        float w = Sizes.given(sw) ? sw.resolve(availW) : stretchW ? availW : Float.NaN;
        float h = Sizes.given(sh) ? sh.resolve(availH) : stretchH ? availH : Float.NaN;
        return switch (n.type) {
            case "row", "column" -> new FlexLayout(this, n, n.type.equals("row")).layout(w, h, availW, availH);
            case "stack", "group" -> new FlexLayout(this, n, false).overlay(w, h, availW, availH, n.type.equals("group"));
            case "text" -> text(n, w, h, availW);
            default -> leaf(n, w, h);
        };
    }

    private LaidOut text(ResolvedNode n, float w, float h, float availW) {
        float wrap = Float.isNaN(w) ? Math.max(1, availW) : Math.max(1, w);
        Paragraph p = text.paragraph(n, wrap);
        if (Float.isNaN(w)) {
            w = Math.min(wrap, (float) Math.ceil(p.getMaxIntrinsicWidth()));
            p = text.paragraph(n, Math.max(1, w));
        }
        return new LaidOut(n, w, Float.isNaN(h) ? p.getHeight() : h, List.of(), new float[0], new float[0], p);
    }

    private LaidOut leaf(ResolvedNode n, float w, float h) {
        float iw = 0;
        float ih = 0;
        switch (n.type) {
            case "circle" -> {
                iw = 2 * n.number("r", 0);
                ih = iw;
            }
            case "line" -> {
                iw = Math.max(n.number("x1", 0), n.number("x2", 0));
                ih = Math.max(n.number("y1", 0), n.number("y2", 0));
            }
            case "path" -> {
                io.github.humbleui.types.Rect bounds = Shapes.path(n.string("d", "")).getBounds();
                iw = bounds.getRight();
                ih = bounds.getBottom();
            }
            case "image" -> {
                Image image = assets.image(n.string("src", ""));
                if (image != null) {
                    iw = image.getWidth();
                    ih = image.getHeight();
                    if (!Float.isNaN(w) && Float.isNaN(h) && iw > 0) {
                        return leafOf(n, w, w * ih / iw);
                    }
                    if (Float.isNaN(w) && !Float.isNaN(h) && ih > 0) {
                        return leafOf(n, h * iw / ih, h);
                    }
                } else {
                    iw = 64;
                    ih = 64;
                }
            }
            default -> {
            }
        }
        return leafOf(n, Float.isNaN(w) ? iw : w, Float.isNaN(h) ? ih : h);
    }

    private static LaidOut leafOf(ResolvedNode n, float w, float h) {
        return new LaidOut(n, w, h, List.of(), new float[0], new float[0], null);
    }
}
