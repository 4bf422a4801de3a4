package dev.hotframe.testing.project;

/** The text of a generated project's app class, state class and scene. */
final class GeneratedApp {

    private GeneratedApp() {
    }

    static String app(String part) {
        return """
                package gen.app;

                import dev.hotframe.app.Frame;
                import dev.hotframe.app.HotframeApp;
                import io.github.humbleui.skija.Canvas;
                import io.github.humbleui.skija.Paint;
                import io.github.humbleui.types.Rect;

                /** A generated app: a scene, a panel drawn in Java, and circles sized by a generated part. */
                public final class GenApp implements HotframeApp<GenState> {

                    @Override
                    public GenState initialState() {
                        return new GenState();
                    }

                    @Override
                    public void update(GenState s, double dt) {
                        s.time += dt;
                        s.frames++;
                    }

                    @Override
                    public void render(GenState s, Frame frame) {
                        Canvas canvas = frame.canvas();
                        canvas.clear(0xFF101820);
                        frame.scene("main");
                        try (Paint panel = new Paint().setColor(panelColor())) {
                            canvas.drawRect(Rect.makeXYWH(40, 220, 720, 300), panel);
                        }
                        drawShapes(canvas, s);
                    }

                    int panelColor() {
                        return 0xFF2A4D69;
                    }

                    private void drawShapes(Canvas canvas, GenState s) {
                        try (Paint dot = new Paint().setColor(0xFFFFD166)) {
                            for (int i = 0; i < 12; i++) {
                                canvas.drawCircle(80 + i * 56, 370, 6 + %s.value(i), dot);
                            }
                        }
                    }
                }
                """.formatted(part);
    }

    static String state() {
        return """
                package gen.app;

                /** The generated app's state: it survives every reload. */
                public class GenState {
                    public double time;
                    public long frames;
                }
                """;
    }

    static String scene(int files) {
        return """
                // A generated project's scene: the harness toggles the box's fill.
                {
                  "id": "root",
                  "type": "group",
                  "children": [
                    { "id": "title", "type": "text", "x": 40, "y": 60, "text": "Generated app, %d files", "size": 28, "color": "#FFFFFF" },
                    { "id": "frames", "type": "text", "x": 40, "y": 96, "text": "frames ${frames}", "size": 16, "color": "#8FA3B8" },
                    { "id": "card", "type": "group", "x": 40, "y": 120, "children": [
                        { "id": "box", "type": "rect", "w": 240, "h": 80, "radius": 12, "fill": "#3366FF" }
                    ] }
                  ]
                }
                """.formatted(files);
    }
}
