package dev.hotframe.viewer.scene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.app.Painter;
import dev.hotframe.scene.SceneParser;
import io.github.humbleui.skija.EncodedImageFormat;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.Rect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Golden images (CPU raster) for every node type and layout case. Look at target/golden-actual/*.png. */
@Timeout(60)
class SceneGoldenTest {

    @TempDir
    static Path project;

    private static FileAssets assets;

    @BeforeAll
    static void writeAssets() throws Exception {
        Files.createDirectories(project.resolve("assets"));
        try (Surface s = Surface.makeRasterN32Premul(32, 32); Paint p = new Paint()) {
            s.getCanvas().clear(0xFF2255CC);
            s.getCanvas().drawRect(Rect.makeXYWH(0, 0, 16, 16), p.setColor(0xFFFFCC00));
            s.getCanvas().drawRect(Rect.makeXYWH(16, 16, 16, 16), p.setColor(0xFFEE3344));
            Files.write(project.resolve("assets/logo.png"), s.makeImageSnapshot().encodeToData(EncodedImageFormat.PNG).getBytes());
        }
        Files.writeString(project.resolve("assets/bg.sksl"), """
                uniform float2 size;
                uniform float time;
                uniform float4 tint;
                half4 main(float2 p) {
                    float2 uv = p / size;
                    return half4(uv.x * tint.r, uv.y * tint.g, 0.5 + 0.5 * sin(time), 1);
                }
                """);
        assets = new FileAssets(project);
    }

    private static SceneRenderer render(String name, int w, int h, String scene, String state, Map<String, Painter> painters,
                                        Set<String> expectedWarnings) throws Exception {
        SceneRenderer renderer = new SceneRenderer(assets);
        try (Surface surface = Surface.makeRasterN32Premul(w, h)) {
            surface.getCanvas().clear(0xFF101418);
            renderer.draw(name, surface.getCanvas(), SceneParser.parse("scenes/" + name + ".json", scene),
                    new ObjectMapper().readTree(state), painters, 0, w, h);
            assertThat(renderer.drainWarnings()).isEqualTo(expectedWarnings);
            Golden.check(name, surface);
        }
        return renderer;
    }

    @Test
    void shapes() throws Exception {
        render("shapes", 320, 120, """
                { "id": "root", "type": "group", "children": [
                  { "id": "r", "type": "rect", "x": 10, "y": 10, "w": 60, "h": 40, "fill": "#FF3366" },
                  { "id": "rr", "type": "rect", "x": 80, "y": 10, "w": 60, "h": 40, "radius": 12, "fill": "#3366FF",
                    "stroke": "#FFFFFF", "strokeWidth": 3 },
                  { "id": "c", "type": "circle", "cx": 175, "cy": 30, "r": 20, "fill": "#33CC99" },
                  { "id": "l", "type": "line", "x": 10, "y": 60, "x1": 0, "y1": 0, "x2": 130, "y2": 50, "stroke": "#FFD166", "width": 4 },
                  { "id": "p", "type": "path", "x": 210, "y": 10, "d": "M0 40 L20 0 L40 40 Z", "fill": "#AA66FF" },
                  { "id": "lg", "type": "rect", "x": 160, "y": 60, "w": 70, "h": 50, "radius": 8,
                    "fill": { "linear": [0, 0, 1, 0], "colors": ["#FF3366", "#3366FF"] } },
                  { "id": "rg", "type": "circle", "cx": 280, "cy": 85, "r": 25,
                    "fill": { "radial": [0.5, 0.5, 0.5], "colors": ["#FFFFFF", "#0033AA"], "stops": [0, 1] } },
                ] }
                """, "{}", Map.of(), Set.of());
    }

    @Test
    void text() throws Exception {
        render("text", 320, 160, """
                { "id": "root", "type": "column", "padding": 10, "gap": 6, "w": "100%", "children": [
                  { "id": "title", "type": "text", "text": "Bold 22", "size": 22, "weight": "bold", "color": "#FFFFFF" },
                  { "id": "wrap", "type": "text", "w": 180, "size": 13, "color": "#8FA3B8",
                    "text": "A longer paragraph that wraps at the laid-out width of its box." },
                  { "id": "center", "type": "text", "w": "1fr", "align": "center", "size": 14, "color": "#FFD166",
                    "text": "centred in the column" },
                  { "id": "right", "type": "text", "w": 300, "align": "right", "size": 14, "color": "#33CC99", "text": "right" },
                ] }
                """, "{}", Map.of(), Set.of());
    }

    @Test
    void rowWithFixedFractionalPercentAndFitSizes() throws Exception {
        render("row", 400, 100, """
                { "id": "root", "type": "row", "w": "100%", "h": 100, "padding": 10, "gap": 10, "align": "center",
                  "background": "#1B2838", "children": [
                  { "id": "fixed", "type": "rect", "w": 50, "h": 50, "fill": "#FF3366" },
                  { "id": "one", "type": "rect", "w": "1fr", "h": 30, "fill": "#3366FF" },
                  { "id": "two", "type": "rect", "w": "2fr", "h": 60, "fill": "#33CC99" },
                  { "id": "pct", "type": "rect", "w": "20%", "h": "100%", "fill": "#FFD166" },
                  { "id": "fit", "type": "text", "text": "fit", "size": 16, "color": "#FFFFFF" },
                ] }
                """, "{}", Map.of(), Set.of());
    }

    @Test
    void rowJustifyAndStretch() throws Exception {
        render("justify", 300, 150, """
                { "id": "root", "type": "column", "w": 300, "gap": 10, "padding": 5, "children": [
                  { "id": "a", "type": "row", "w": "100%", "justify": "center", "gap": 5, "background": "#222A33", "children": [
                    { "id": "a1", "type": "rect", "w": 30, "h": 20, "fill": "#FF3366" },
                    { "id": "a2", "type": "rect", "w": 30, "h": 20, "fill": "#3366FF" } ] },
                  { "id": "b", "type": "row", "w": "100%", "justify": "space-between", "background": "#222A33", "children": [
                    { "id": "b1", "type": "rect", "w": 30, "h": 20, "fill": "#FF3366" },
                    { "id": "b2", "type": "rect", "w": 30, "h": 20, "fill": "#3366FF" },
                    { "id": "b3", "type": "rect", "w": 30, "h": 20, "fill": "#33CC99" } ] },
                  { "id": "c", "type": "row", "w": "100%", "h": 40, "justify": "end", "align": "stretch", "gap": 5,
                    "background": "#222A33", "children": [
                    { "id": "c1", "type": "rect", "w": 30, "fill": "#FFD166" },
                    { "id": "c2", "type": "rect", "w": 30, "h": 10, "fill": "#AA66FF" } ] },
                ] }
                """, "{}", Map.of(), Set.of());
    }

    @Test
    void columnAndStack() throws Exception {
        render("stack", 300, 160, """
                { "id": "root", "type": "row", "gap": 10, "padding": 10, "children": [
                  { "id": "col", "type": "column", "w": 120, "h": 140, "gap": 8, "padding": 8, "align": "center",
                    "background": "#1B2838", "radius": 10, "children": [
                    { "id": "c1", "type": "rect", "w": 80, "h": 20, "fill": "#FF3366" },
                    { "id": "c2", "type": "rect", "w": "100%", "h": "1fr", "fill": "#3366FF" },
                    { "id": "c3", "type": "circle", "r": 10, "fill": "#33CC99" } ] },
                  { "id": "st", "type": "stack", "w": 140, "h": 140, "align": "center", "justify": "center",
                    "background": "#222A33", "children": [
                    { "id": "s1", "type": "rect", "w": 100, "h": 100, "fill": "#FFD166" },
                    { "id": "s2", "type": "circle", "r": 30, "fill": "#AA66FF" },
                    { "id": "s3", "type": "text", "text": "top", "size": 14, "color": "#000000" } ] },
                ] }
                """, "{}", Map.of(), Set.of());
    }

    @Test
    void paintEffects() throws Exception {
        render("effects", 400, 130, """
                { "id": "root", "type": "row", "gap": 20, "padding": 20, "children": [
                  { "id": "half", "type": "rect", "w": 60, "h": 60, "fill": "#FF3366", "opacity": 0.5 },
                  { "id": "shadow", "type": "rect", "w": 60, "h": 60, "radius": 8, "fill": "#3366FF",
                    "shadow": { "offset": [4, 6], "blur": 4, "color": "#C0000000" } },
                  { "id": "blur", "type": "circle", "r": 30, "fill": "#33CC99", "blur": 3 },
                  { "id": "turn", "type": "rect", "w": 60, "h": 60, "fill": "#FFD166", "rotate": 30, "scale": 0.8,
                    "translate": [0, 10] },
                  { "id": "clip", "type": "stack", "w": 60, "h": 60, "clip": true, "radius": 30, "children": [
                    { "id": "clipped", "type": "rect", "w": 80, "h": 80, "fill": "#AA66FF" } ] },
                ] }
                """, "{}", Map.of(), Set.of());
    }

    @Test
    void imageShaderAndCustomNodes() throws Exception {
        render("media", 400, 110, """
                { "id": "root", "type": "row", "gap": 10, "padding": 10, "children": [
                  { "id": "logo", "type": "image", "src": "assets/logo.png", "w": 80, "h": 80 },
                  { "id": "bg", "type": "shader", "src": "assets/bg.sksl", "w": 80, "h": 80, "radius": 10,
                    "uniforms": { "tint": [1, 1, 1, 1], "time": "${t}" } },
                  { "id": "chart", "type": "custom", "paint": "chart", "w": 80, "h": 80 },
                  { "id": "gone", "type": "image", "src": "assets/missing.png", "w": 80, "h": 80 },
                ] }
                """, "{\"t\": 1.5}", Map.of("chart", (canvas, w, h) -> {
                    try (Paint p = new Paint().setColor(0xFF4FC3F7)) {
                        canvas.drawRect(Rect.makeXYWH(0, h / 2, w, h / 2), p);
                        canvas.drawCircle(w / 2, h / 2, w, p.setColor(0x80FFFFFF));
                    }
                }), Set.of("scene node 'gone': image 'assets/missing.png' is not available"));
    }

    @Test
    void repeatOverAListWithComponentsAndStyles() throws Exception {
        render("repeat", 300, 140, """
                { "id": "root", "type": "column", "padding": 10, "gap": 6,
                  "styles": { "label": { "size": 14, "color": "#FFFFFF" } },
                  "components": {
                    "Row": { "params": { "color": "#3366FF" }, "node":
                      { "id": "bar", "type": "row", "gap": 8, "align": "center", "children": [
                        { "id": "swatch", "type": "rect", "w": 14, "h": 14, "radius": 3, "fill": "{{color}}" },
                        { "id": "name", "type": "text", "style": "label", "text": "${item.name}: ${item.score}" } ] } } },
                  "children": [
                    { "id": "title", "type": "text", "style": "label", "text": "${players.size} players", "weight": "bold" },
                    { "id": "list", "type": "column", "gap": 4, "repeat": "${players}", "key": "${item.name}", "children": [
                      { "id": "entry", "use": "Row", "with": { "color": "#FFD166" } } ] },
                ] }
                """, "{\"players\": [{\"name\": \"ada\", \"score\": 3}, {\"name\": \"bob\", \"score\": 12}, {\"name\": \"cy\", \"score\": 7}]}",
                Map.of(), Set.of());
    }
}
