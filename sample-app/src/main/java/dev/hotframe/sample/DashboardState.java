package dev.hotframe.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the dashboard remembers. It survives every reload: edit the code while it runs
 * and the uptime, the clicks and the particles carry on where they were.
 */
public class DashboardState {
    public double uptime;
    public long frames;
    public int clicks;
    public double sampleClock;
    public List<Double> samples = new ArrayList<>();
    public List<Particle> particles = new ArrayList<>();
    /** The newest activity first; the scene's activity list repeats over it. */
    public List<String> log = new ArrayList<>();

    /** One particle drifting around the chart panel. */
    public static class Particle {
        public double x;
        public double y;
        public double vx;
        public double vy;

        public Particle() {
        }

        public Particle(double x, double y, double vx, double vy) {
            this.x = x;
            this.y = y;
            this.vx = vx;
            this.vy = vy;
        }
    }
}
