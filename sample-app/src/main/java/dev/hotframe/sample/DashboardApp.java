package dev.hotframe.sample;

import dev.hotframe.app.Action;
import dev.hotframe.app.Frame;
import dev.hotframe.app.HotframeApp;
import dev.hotframe.app.InputEvent;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.PaintMode;
import io.github.humbleui.types.RRect;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A live dashboard. The layout, the cards, the shader background, the logo and the activity
 * list come from {@code scenes/dashboard.json}; the chart (panel, sample line and particles) is
 * a {@code custom} node painted here on the Skija canvas, wherever the scene puts it.
 *
 * <p>Try it while it runs: change a card colour or the layout in the scene file, change
 * {@link #panelColor()} or {@link #lineColor()}, or add a field to {@link DashboardState}.
 */
public final class DashboardApp implements HotframeApp<DashboardState> {

    static final float PANEL_X = 32;
    static final float PANEL_Y = 250;
    static final float PANEL_W = 500;
    static final float PANEL_H = 320;
    static final int MAX_SAMPLES = 120;
    static final int MAX_LOG = 8;

    private final Random random = new Random(7);

    @Override
    public DashboardState initialState() {
        DashboardState state = new DashboardState();
        for (int i = 0; i < 24; i++) {
            spawn(state);
        }
        return state;
    }

    @Override
    public void update(DashboardState s, double dt) {
        s.uptime += dt;
        s.frames++;
        s.sampleClock += dt;
        while (s.sampleClock >= 0.05) {
            s.sampleClock -= 0.05;
            double t = s.uptime;
            s.samples.add(0.5 + 0.3 * Math.sin(t * 1.1) + 0.12 * Math.sin(t * 4.3));
            if (s.samples.size() > MAX_SAMPLES) {
                s.samples.remove(0);
            }
        }
        for (DashboardState.Particle p : s.particles) {
            p.x += p.vx * dt;
            p.y += p.vy * dt;
            if (p.x < PANEL_X + 24 || p.x > PANEL_X + PANEL_W - 24) {
                p.vx = -p.vx;
                p.x = Math.max(PANEL_X + 24, Math.min(PANEL_X + PANEL_W - 24, p.x));
            }
            if (p.y < PANEL_Y + 24 || p.y > PANEL_Y + PANEL_H - 24) {
                p.vy = -p.vy;
                p.y = Math.max(PANEL_Y + 24, Math.min(PANEL_Y + PANEL_H - 24, p.y));
            }
        }
    }

    @Override
    public void render(DashboardState s, Frame frame) {
        frame.canvas().clear(0xFF0F1720);
        frame.scene("dashboard", Map.of("chart", (canvas, w, h) -> drawChart(canvas, s, w, h)));
    }

    @Override
    public void onAction(DashboardState s, Action action) {
        if (action.name().equals("spawn")) {
            for (int i = 0; i < 8; i++) {
                spawn(s);
            }
            log(s, String.format(Locale.ROOT, "%.1f s: 8 particles from %s", s.uptime, action.event()));
        }
    }

    @Override
    public void onInput(DashboardState s, InputEvent event) {
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.PointerKind.DOWN) {
            s.clicks++;
        } else if (event instanceof InputEvent.Key k && k.pressed() && k.key().equals("SPACE")) {
            for (int i = 0; i < 8; i++) {
                spawn(s);
            }
            log(s, String.format(Locale.ROOT, "%.1f s: 8 particles from space", s.uptime));
        }
    }

    /** The chart panel's colour. */
    int panelColor() {
        return 0xFF1B2838;
    }

    /** The sample line's colour. */
    int lineColor() {
        return 0xFF4FC3F7;
    }

    /** Paints the chart node: the canvas starts at the node's corner, which sits at (PANEL_X, PANEL_Y). */
    private void drawChart(Canvas canvas, DashboardState s, float w, float h) {
        try (Paint panel = new Paint().setColor(panelColor())) {
            canvas.drawRRect(RRect.makeXYWH(0, 0, w, h, 16), panel);
        }
        canvas.translate(-PANEL_X, -PANEL_Y);
        drawSamples(canvas, s);
        try (Paint dot = new Paint().setColor(0xCCFFD166)) {
            for (DashboardState.Particle p : s.particles) {
                canvas.drawCircle((float) p.x, (float) p.y, 4, dot);
            }
        }
    }

    private static void log(DashboardState s, String entry) {
        s.log.add(0, entry);
        while (s.log.size() > MAX_LOG) {
            s.log.remove(s.log.size() - 1);
        }
    }

    private void drawSamples(Canvas canvas, DashboardState s) {
        if (s.samples.size() < 2) {
            return;
        }
        float left = PANEL_X + 24;
        float width = PANEL_W - 48;
        float bottom = PANEL_Y + PANEL_H - 24;
        float height = PANEL_H - 48;
        try (Paint stroke = new Paint().setColor(lineColor()).setMode(PaintMode.STROKE).setStrokeWidth(3)
                .setAntiAlias(true)) {
            float lastX = 0;
            float lastY = 0;
            for (int i = 0; i < s.samples.size(); i++) {
                float x = left + width * i / (MAX_SAMPLES - 1);
                float y = bottom - height * s.samples.get(i).floatValue();
                if (i > 0) {
                    canvas.drawLine(lastX, lastY, x, y, stroke);
                }
                lastX = x;
                lastY = y;
            }
        }
    }

    private void spawn(DashboardState s) {
        double angle = random.nextDouble() * Math.PI * 2;
        double speed = 40 + random.nextDouble() * 80;
        s.particles.add(new DashboardState.Particle(PANEL_X + PANEL_W / 2, PANEL_Y + PANEL_H / 2,
                Math.cos(angle) * speed, Math.sin(angle) * speed));
    }
}
