package dev.hotframe.viewer.scene;

import java.util.ArrayList;
import java.util.List;

/** Lays out one container's children; see {@link SceneLayout} for the rules. */
final class FlexLayout {

    private final SceneLayout layout;
    private final ResolvedNode n;
    private final boolean row;
    private final float[] pad;
    private final float gap;

    FlexLayout(SceneLayout layout, ResolvedNode n, boolean row) {
        this.layout = layout;
        this.n = n;
        this.row = row;
        this.pad = Sizes.padding(n.get("padding"));
        this.gap = n.number("gap", 0);
    }

    /** A row or column; {@code w} or {@code h} is NaN where the container fits its content. */
    LaidOut layout(float w, float h, float availW, float availH) {
        float padMain = row ? pad[1] + pad[3] : pad[0] + pad[2];
        float padCross = row ? pad[0] + pad[2] : pad[1] + pad[3];
        float ownMain = row ? w : h;
        float ownCross = row ? h : w;
        float mainAvail = Math.max(0, (Float.isNaN(ownMain) ? (row ? availW : availH) : ownMain) - padMain);
        float crossAvail = Math.max(0, (Float.isNaN(ownCross) ? (row ? availH : availW) : ownCross) - padCross);
        String align = n.string("align", "start");
        boolean stretch = align.equals("stretch");
        int count = n.children.size();
        LaidOut[] outs = new LaidOut[count];
        float used = gap * Math.max(0, count - 1);
        float frTotal = 0;
        for (int i = 0; i < count; i++) {
            ResolvedNode child = n.children.get(i);
            Sizes.Size main = Sizes.size(child.get(row ? "w" : "h"));
            if (main.kind() == Sizes.Kind.FR) {
                frTotal += main.amount();
                continue;
            }
            float room = main.kind() == Sizes.Kind.PERCENT ? mainAvail : Math.max(0, mainAvail - used);
            outs[i] = child(child, room, crossAvail, stretch);
            used += main(outs[i]);
        }
        float free = Math.max(0, mainAvail - used);
        for (int i = 0; i < count; i++) {
            if (outs[i] == null) {
                float share = frTotal <= 0 ? 0 : free * Sizes.size(n.children.get(i).get(row ? "w" : "h")).amount() / frTotal;
                outs[i] = child(n.children.get(i), share, crossAvail, stretch);
            }
        }
        float contentMain = gap * Math.max(0, count - 1);
        float contentCross = 0;
        for (LaidOut out : outs) {
            contentMain += main(out);
            contentCross = Math.max(contentCross, cross(out));
        }
        float finalMain = Float.isNaN(ownMain) ? contentMain + padMain : ownMain;
        float finalCross = Float.isNaN(ownCross) ? contentCross + padCross : ownCross;
        float innerCross = finalCross - padCross;
        float slack = Math.max(0, finalMain - padMain - contentMain);
        String justify = n.string("justify", "start");
        float pos = (row ? pad[3] : pad[0]) + switch (justify) {
            case "center" -> slack / 2;
            case "end" -> slack;
            default -> 0;
        };
        float between = justify.equals("space-between") && count > 1 ? slack / (count - 1) : 0;
        float[] xs = new float[count];
        float[] ys = new float[count];
        for (int i = 0; i < count; i++) {
            float c = (row ? pad[0] : pad[3]) + switch (align) {
                case "center" -> (innerCross - cross(outs[i])) / 2;
                case "end" -> innerCross - cross(outs[i]);
                default -> 0;
            };
            xs[i] = row ? pos : c;
            ys[i] = row ? c : pos;
            pos += main(outs[i]) + gap + between;
        }
        return new LaidOut(n, row ? finalMain : finalCross, row ? finalCross : finalMain, List.of(outs), xs, ys, null);
    }

    /** A stack (children placed by align and justify) or a group (children at their x, y). */
    LaidOut overlay(float w, float h, float availW, float availH, boolean absolute) {
        float innerW = Math.max(0, (Float.isNaN(w) ? availW : w) - pad[1] - pad[3]);
        float innerH = Math.max(0, (Float.isNaN(h) ? availH : h) - pad[0] - pad[2]);
        int count = n.children.size();
        List<LaidOut> outs = new ArrayList<>(count);
        float[] xs = new float[count];
        float[] ys = new float[count];
        float right = 0;
        float bottom = 0;
        for (int i = 0; i < count; i++) {
            ResolvedNode child = n.children.get(i);
            LaidOut out = layout.node(child, innerW, innerH, false, false);
            outs.add(out);
            if (absolute) {
                xs[i] = pad[3] + child.number("x", child.has("cx") ? child.number("cx", 0) - child.number("r", 0) : 0);
                ys[i] = pad[0] + child.number("y", child.has("cy") ? child.number("cy", 0) - child.number("r", 0) : 0);
            }
            right = Math.max(right, (absolute ? xs[i] - pad[3] : 0) + out.w());
            bottom = Math.max(bottom, (absolute ? ys[i] - pad[0] : 0) + out.h());
        }
        float finalW = Float.isNaN(w) ? right + pad[1] + pad[3] : w;
        float finalH = Float.isNaN(h) ? bottom + pad[0] + pad[2] : h;
        if (!absolute) {
            String align = n.string("align", "start");
            String justify = n.string("justify", "start");
            for (int i = 0; i < count; i++) {
                xs[i] = pad[3] + place(align, finalW - pad[1] - pad[3] - outs.get(i).w());
                ys[i] = pad[0] + place(justify, finalH - pad[0] - pad[2] - outs.get(i).h());
            }
        }
        return new LaidOut(n, finalW, finalH, List.copyOf(outs), xs, ys, null);
    }

    private static float place(String how, float slack) {
        return switch (how) {
            case "center" -> slack / 2;
            case "end" -> slack;
            default -> 0;
        };
    }

    private LaidOut child(ResolvedNode child, float mainAvail, float crossAvail, boolean stretch) {
        boolean stretchCross = stretch && !Sizes.given(Sizes.size(child.get(row ? "h" : "w")));
        return row ? layout.node(child, mainAvail, crossAvail, false, stretchCross)
                : layout.node(child, crossAvail, mainAvail, stretchCross, false);
    }

    private float main(LaidOut out) {
        return row ? out.w() : out.h();
    }

    private float cross(LaidOut out) {
        return row ? out.h() : out.w();
    }
}
