package dev.hotframe.viewer.scene;

import dev.hotframe.viewer.assets.Assets;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.RuntimeEffect;
import io.github.humbleui.skija.RuntimeEffectUniformInfo;
import io.github.humbleui.skija.SamplingMode;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.RRect;
import io.github.humbleui.types.Rect;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Set;

/**
 * Draws a {@code shader} node: the SkSL runtime effect at {@code "src"} filling the node's box.
 * Float uniforms take their values from {@code "uniforms"} (numbers, lists, or bindings to the
 * state); a uniform named {@code time} gets the seconds since the app started and one named
 * {@code size} the box's width and height, unless the scene sets them. A shader whose uniforms
 * did not change since the last frame is drawn from a cached image: on the CPU a full-window
 * effect costs milliseconds per frame, so only animated ones (using {@code time}) pay that.
 */
final class ShaderFill {

    private final Assets assets;
    private final Set<String> warnings;
    private double time;
    private boolean usedTime;
    private final Map<String, Cached> cache = new java.util.HashMap<>();

    /** One node's last drawing: what it was drawn from, and the pixels. */
    private record Cached(RuntimeEffect effect, ByteBuffer uniforms, int pw, int ph, float radius, Image image) {
    }

    ShaderFill(Assets assets, Set<String> warnings) {
        this.assets = assets;
        this.warnings = warnings;
    }

    void time(double seconds) {
        time = seconds;
    }

    void draw(Canvas canvas, ResolvedNode n, float w, float h) {
        String src = n.string("src", "");
        RuntimeEffect effect = assets.shader(src);
        if (effect == null) {
            warnings.add("scene node '" + n.id + "': shader '" + src + "' is not available");
            NodePainter.placeholder(canvas, w, h);
            return;
        }
        Map<?, ?> given = n.get("uniforms") instanceof Map<?, ?> m ? m : Map.of();
        usedTime = false;
        ByteBuffer data = ByteBuffer.allocate(effect.getUniformSize()).order(ByteOrder.nativeOrder());
        for (RuntimeEffectUniformInfo info : effect.getUniforms()) {
            float[] values = values(n, info, given.get(info.getName()), w, h);
            int floats = switch (info.getType()) {
                case FLOAT -> 1;
                case FLOAT2 -> 2;
                case FLOAT3 -> 3;
                case FLOAT4, FLOAT2X2 -> 4;
                case FLOAT3X3 -> 9;
                case FLOAT4X4 -> 16;
                default -> 0;
            };
            if (floats == 0) {
                warnings.add("scene node '" + n.id + "': uniform '" + info.getName() + "' of '" + src
                        + "' is an int; scenes set float uniforms only");
                continue;
            }
            for (int i = 0; i < floats * info.getCount(); i++) {
                data.putFloat(info.getOffset() + 4 * i, i < values.length ? values[i] : 0);
            }
        }
        float radius = n.number("radius", 0);
        if (usedTime) {
            cache.remove(n.id);
            paint(canvas, effect, data, w, h, radius);
            return;
        }
        float[] m = canvas.getLocalToDeviceAsMatrix33().getMat();
        float scale = (float) Math.max(1, Math.hypot(m[0], m[3]));
        int pw = Math.max(1, Math.round(w * scale));
        int ph = Math.max(1, Math.round(h * scale));
        Cached cached = cache.get(n.id);
        if (cached == null || cached.effect() != effect || !cached.uniforms().equals(data) || cached.pw() != pw
                || cached.ph() != ph || cached.radius() != radius) {
            if (cached != null) {
                cached.image().close();
            }
            if (cache.size() > 32) {
                cache.values().forEach(c -> c.image().close());
                cache.clear();
            }
            try (Surface surface = Surface.makeRasterN32Premul(pw, ph)) {
                surface.getCanvas().scale(pw / w, ph / h);
                paint(surface.getCanvas(), effect, data, w, h, radius);
                cached = new Cached(effect, data, pw, ph, radius, surface.makeImageSnapshot());
            }
            cache.put(n.id, cached);
        }
        try (Paint paint = new Paint()) {
            canvas.drawImageRect(cached.image(), Rect.makeWH(pw, ph), Rect.makeWH(w, h), SamplingMode.LINEAR, paint, true);
        }
    }

    private static void paint(Canvas canvas, RuntimeEffect effect, ByteBuffer data, float w, float h, float radius) {
        try (Data uniforms = Data.makeFromBytes(data.array());
             Shader shader = effect.makeShader(uniforms, null, null);
             Paint paint = new Paint().setShader(shader).setAntiAlias(true)) {
            canvas.drawRRect(RRect.makeXYWH(0, 0, w, h, radius), paint);
        }
    }

    private float[] values(ResolvedNode n, RuntimeEffectUniformInfo info, Object value, float w, float h) {
        if (value == null) {
            return switch (info.getName()) {
                case "time" -> {
                    usedTime = true;
                    yield new float[] {(float) time};
                }
                case "size" -> new float[] {w, h};
                default -> {
                    warnings.add("scene node '" + n.id + "': uniform '" + info.getName() + "' has no value; set it under \"uniforms\"");
                    yield new float[0];
                }
            };
        }
        if (value instanceof Number number) {
            return new float[] {number.floatValue()};
        }
        if (value instanceof String text && text.startsWith("#")) {
            int c = Fill.color(text, 0);
            return new float[] {((c >> 16) & 255) / 255f, ((c >> 8) & 255) / 255f, (c & 255) / 255f, ((c >>> 24) & 255) / 255f};
        }
        float[] list = Fill.numbers(value);
        if (list.length == 0) {
            warnings.add("scene node '" + n.id + "': uniform '" + info.getName() + "' should be a number or list, was '" + value + "'");
        }
        return list;
    }
}
