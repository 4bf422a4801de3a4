package dev.hotframe.viewer.scene;

import dev.hotframe.app.Painter;
import dev.hotframe.viewer.assets.Assets;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.FilterBlurMode;
import io.github.humbleui.skija.FilterTileMode;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageFilter;
import io.github.humbleui.skija.MaskFilter;
import io.github.humbleui.skija.Matrix33;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.PaintMode;
import io.github.humbleui.skija.SamplingMode;
import io.github.humbleui.types.RRect;
import io.github.humbleui.types.Rect;
import java.util.Map;
import java.util.Set;

/**
 * Draws a laid-out scene: per node its transform, opacity, shadow, blur and clip, then the
 * node itself and its children. A missing image, shader or painter is drawn as a visible
 * placeholder and reported as a warning; so is a node that took too long to draw ({@link SlowNodes}).
 */
final class NodePainter {

    private static final int PLACEHOLDER = 0xFFFF00FF;

    private final Assets assets;
    private final Set<String> warnings;
    private final SceneEvents events;
    private final ShaderFill shaders;
    private final SlowNodes slow;
    private Map<String, Painter> painters = Map.of();

    NodePainter(Assets assets, Set<String> warnings, SceneEvents events, SlowNodes slow) {
        this.assets = assets;
        this.slow = slow;
        this.warnings = warnings;
        this.events = events;
        this.shaders = new ShaderFill(assets, warnings);
    }

    void draw(Canvas canvas, LaidOut root, Map<String, Painter> painters, double time) {
        this.painters = painters;
        shaders.time(time);
        ResolvedNode n = root.node();
        node(canvas, root, n.number("x", 0), n.number("y", 0));
    }

    /** Draws a node and its children; returns how long that took, in nanoseconds. */
    private long node(Canvas canvas, LaidOut out, float x, float y) {
        long start = System.nanoTime();
        long children = 0;
        ResolvedNode n = out.node();
        float w = out.w();
        float h = out.h();
        int restore = canvas.save();
        String held = slow.held(n);
        if (held != null) {
            warnings.add(held);
            canvas.translate(x, y);
            placeholder(canvas, w, h);
            canvas.restoreToCount(restore);
            return System.nanoTime() - start;
        }
        try {
            canvas.translate(x, y);
            transform(canvas, n, w, h);
            layer(canvas, n, w, h);
            if (Boolean.TRUE.equals(n.get("clip"))) {
                canvas.clipRRect(RRect.makeXYWH(0, 0, w, h, n.number("radius", 0)), true);
            }
            for (String key : new String[] {"w", "h"}) {
                if (!Sizes.valid(n.get(key))) {
                    warnings.add("scene node '" + n.id + "': '" + key + "' should be a number, a percentage, \"1fr\" or \"fit\", was '"
                            + n.get(key) + "'");
                }
            }
            events.listen(n.id, canvas.getLocalToDeviceAsMatrix33().getMat(), w, h, n);
            self(canvas, out, n, w, h);
            for (int i = 0; i < out.children().size(); i++) {
                children += node(canvas, out.children().get(i), out.xs()[i], out.ys()[i]);
            }
        } finally {
            canvas.restoreToCount(restore);
        }
        long took = System.nanoTime() - start;
        // A custom node's time is its painter's, which is the app's code and on the app's clock.
        String slowed = n.type.equals("custom") ? null : slow.drew(n, took - children);
        if (slowed != null) {
            warnings.add(slowed);
        }
        return took;
    }

    private static void transform(Canvas canvas, ResolvedNode n, float w, float h) {
        float rotate = n.number("rotate", 0);
        float scale = n.number("scale", 1);
        float[] translate = Fill.numbers(n.get("translate"));
        if (translate.length == 2) {
            canvas.translate(translate[0], translate[1]);
        }
        if (rotate != 0 || scale != 1) {
            canvas.concat(Matrix33.makeTranslate(w / 2, h / 2)
                    .makeConcat(Matrix33.makeRotate(rotate))
                    .makeConcat(Matrix33.makeScale(scale))
                    .makeConcat(Matrix33.makeTranslate(-w / 2, -h / 2)));
        }
    }

    /**
     * Opacity and blur draw the node and its children into a layer; so does a shadow on a node
     * without a shape of its own (text, image, ...). Shapes cast their shadow in {@link #paint},
     * from the shape itself, which costs a fraction of a filtered layer on the CPU.
     */
    private static void layer(Canvas canvas, ResolvedNode n, float w, float h) {
        float opacity = Math.max(0, Math.min(1, n.number("opacity", 1)));
        float blur = n.number("blur", 0);
        ImageFilter filter = blur > 0 ? ImageFilter.makeBlur(blur, blur, FilterTileMode.DECAL) : null;
        float reach = 3 * blur;
        if (n.get("shadow") instanceof Map<?, ?> shadow && !castsShapeShadow(n)) {
            Shadow s = Shadow.of(shadow);
            filter = ImageFilter.makeDropShadow(s.dx, s.dy, s.sigma, s.sigma, s.color, filter);
            reach += 3 * s.sigma + Math.max(Math.abs(s.dx), Math.abs(s.dy));
        }
        if (opacity < 1 || filter != null) {
            try (Paint paint = new Paint().setAlphaf(opacity)) {
                if (filter != null) {
                    paint.setImageFilter(filter);
                    canvas.saveLayer(Rect.makeLTRB(-reach, -reach, w + reach, h + reach), paint);
                } else {
                    canvas.saveLayer(null, paint);
                }
            }
        }
    }

    private static boolean castsShapeShadow(ResolvedNode n) {
        return switch (n.type) {
            case "rect", "circle", "path" -> true;
            case "row", "column", "stack", "group" -> n.has("background");
            default -> false;
        };
    }

    /** A drop shadow: offset, blur (sigma) and colour. */
    private record Shadow(float dx, float dy, float sigma, int color) {
        static Shadow of(Map<?, ?> shadow) {
            float[] offset = Fill.numbers(shadow.get("offset"));
            float sigma = shadow.get("blur") instanceof Number b ? b.floatValue() : 4;
            return new Shadow(offset.length == 2 ? offset[0] : 0, offset.length == 2 ? offset[1] : 2, sigma,
                    Fill.color(shadow.get("color"), 0x80000000));
        }
    }

    private void self(Canvas canvas, LaidOut out, ResolvedNode n, float w, float h) {
        switch (n.type) {
            case "row", "column", "stack", "group", "rect" -> box(canvas, n, w, h, n.type.equals("rect") ? "fill" : "background");
            case "circle" -> paint(canvas, n, w, h, "fill", paint -> canvas.drawCircle(w / 2, h / 2, Math.min(w, h) / 2, paint));
            case "line" -> {
                try (Paint paint = new Paint().setColor(Fill.color(n.get("stroke"), Fill.color(n.get("color"), 0xFFFFFFFF)))
                        .setMode(PaintMode.STROKE).setStrokeWidth(n.number("width", n.number("strokeWidth", 1))).setAntiAlias(true)) {
                    canvas.drawLine(n.number("x1", 0), n.number("y1", 0), n.number("x2", 0), n.number("y2", 0), paint);
                }
            }
            case "path" -> {
                String d = n.string("d", "");
                if (!Shapes.valid(d)) {
                    warnings.add("scene node '" + n.id + "': 'd' is not SVG path data Skia can read: '" + d + "'");
                }
                paint(canvas, n, w, h, "fill", paint -> canvas.drawPath(Shapes.path(d), paint));
            }
            case "text" -> {
                if (out.paragraph() != null) {
                    out.paragraph().paint(canvas, 0, 0);
                }
            }
            case "image" -> image(canvas, n, w, h);
            case "shader" -> shaders.draw(canvas, n, w, h);
            case "custom" -> custom(canvas, n, w, h);
            default -> warnings.add("scene node '" + n.id + "' has unknown type '" + n.type + "'");
        }
    }

    private void box(Canvas canvas, ResolvedNode n, float w, float h, String fillKey) {
        float radius = n.number("radius", 0);
        paint(canvas, n, w, h, fillKey, paint -> {
            if (radius > 0) {
                canvas.drawRRect(RRect.makeXYWH(0, 0, w, h, radius), paint);
            } else {
                canvas.drawRect(Rect.makeWH(w, h), paint);
            }
        });
    }

    private void paint(Canvas canvas, ResolvedNode n, float w, float h, String fillKey, java.util.function.Consumer<Paint> draw) {
        Object fill = n.get(fillKey);
        if (n.get("shadow") instanceof Map<?, ?> shadow && castsShapeShadow(n)) {
            Shadow s = Shadow.of(shadow);
            try (MaskFilter blur = MaskFilter.makeBlur(FilterBlurMode.NORMAL, Math.max(0.01f, s.sigma));
                 Paint paint = new Paint().setColor(s.color).setAntiAlias(true).setMaskFilter(blur)) {
                canvas.save();
                canvas.translate(s.dx, s.dy);
                draw.accept(paint);
                canvas.restore();
            }
        }
        if (fill != null) {
            check(n, fillKey, fill);
            try (Paint paint = Fill.apply(new Paint().setAntiAlias(true), fill, w, h)) {
                draw.accept(paint);
            }
        }
        Object stroke = n.get("stroke");
        if (stroke != null) {
            check(n, "stroke", stroke);
            try (Paint paint = Fill.apply(new Paint().setAntiAlias(true), stroke, w, h).setMode(PaintMode.STROKE)
                    .setStrokeWidth(n.number("strokeWidth", 1))) {
                draw.accept(paint);
            }
        }
    }

    private void check(ResolvedNode n, String key, Object value) {
        if (!Fill.valid(value)) {
            warnings.add("scene node '" + n.id + "': '" + key + "' should be a colour or gradient, was '" + value + "'");
        }
    }

    private void image(Canvas canvas, ResolvedNode n, float w, float h) {
        String src = n.string("src", "");
        Image image = assets.image(src);
        if (image == null) {
            warnings.add("scene node '" + n.id + "': image '" + src + "' is not available");
            placeholder(canvas, w, h);
            return;
        }
        Rect dst = Rect.makeWH(w, h);
        Rect srcRect = Rect.makeWH(image.getWidth(), image.getHeight());
        String fit = n.string("fit", "fill");
        if (fit.equals("contain") || fit.equals("cover")) {
            float scale = fit.equals("contain") ? Math.min(w / image.getWidth(), h / image.getHeight())
                    : Math.max(w / image.getWidth(), h / image.getHeight());
            float dw = image.getWidth() * scale;
            float dh = image.getHeight() * scale;
            dst = Rect.makeXYWH((w - dw) / 2, (h - dh) / 2, dw, dh);
            canvas.clipRect(Rect.makeWH(w, h));
        }
        try (Paint paint = new Paint()) {
            canvas.drawImageRect(image, srcRect, dst, SamplingMode.LINEAR, paint, true);
        }
    }

    private void custom(Canvas canvas, ResolvedNode n, float w, float h) {
        String name = n.string("paint", "");
        Painter painter = painters.get(name);
        if (painter == null) {
            warnings.add("scene node '" + n.id + "': no painter '" + name + "'; pass it as frame.scene(name, Map.of(\""
                    + name + "\", painter)); known: " + painters.keySet());
            placeholder(canvas, w, h);
            return;
        }
        canvas.clipRect(Rect.makeWH(w, h));
        painter.paint(canvas, w, h);
    }

    /** A magenta outline with a cross: visible, and obviously not the real thing. */
    static void placeholder(Canvas canvas, float w, float h) {
        try (Paint paint = new Paint().setColor(PLACEHOLDER).setMode(PaintMode.STROKE).setStrokeWidth(2).setAntiAlias(true)) {
            canvas.drawRect(Rect.makeXYWH(1, 1, Math.max(0, w - 2), Math.max(0, h - 2)), paint);
            canvas.drawLine(0, 0, w, h, paint);
            canvas.drawLine(w, 0, 0, h, paint);
        }
    }
}
