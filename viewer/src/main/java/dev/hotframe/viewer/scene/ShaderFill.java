package dev.hotframe.viewer.scene;

import dev.hotframe.viewer.assets.Assets;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.RuntimeEffect;
import io.github.humbleui.skija.RuntimeEffectUniformInfo;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.types.RRect;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Set;

/**
 * Draws a {@code shader} node: the SkSL runtime effect at {@code "src"} filling the node's box.
 * Float uniforms take their values from {@code "uniforms"} (numbers, lists, or bindings to the
 * state); a uniform named {@code time} gets the seconds since the app started and one named
 * {@code size} the box's width and height, unless the scene sets them.
 */
final class ShaderFill {

    private final Assets assets;
    private final Set<String> warnings;
    private double time;

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
        try (Data uniforms = Data.makeFromBytes(data.array());
             Shader shader = effect.makeShader(uniforms, null, null);
             Paint paint = new Paint().setShader(shader).setAntiAlias(true)) {
            canvas.drawRRect(RRect.makeXYWH(0, 0, w, h, n.number("radius", 0)), paint);
        }
    }

    private float[] values(ResolvedNode n, RuntimeEffectUniformInfo info, Object value, float w, float h) {
        if (value == null) {
            return switch (info.getName()) {
                case "time" -> new float[] {(float) time};
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
