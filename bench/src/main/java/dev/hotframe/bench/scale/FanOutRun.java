package dev.hotframe.bench.scale;

import dev.hotframe.bench.live.Applied;
import dev.hotframe.bench.live.DevServerProcess;
import dev.hotframe.bench.live.Jars;
import dev.hotframe.bench.live.ViewerProcess;
import dev.hotframe.bench.project.BenchProject;
import dev.hotframe.bench.project.Edit;
import dev.hotframe.bench.report.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Many real headless viewer processes on one dev server, and scene edits that all of them apply.
 * Each viewer runs with a small heap, C1 only and 2 fps (updates wake the frame loop at once, so
 * the frame rate does not delay an update), so that 50 JVMs fit on a small machine.
 */
public final class FanOutRun {

    /**
     * Per update, the edit to the first and to the last viewer's applied time; medians over the
     * measured updates. {@code cpuPerViewerMs}: the viewers' CPU time from just before the edit
     * until the last one rendered, divided by the viewers (median over the updates);
     * {@code idleCpuPercent}: what all of them used together while nothing changed, in % of one core.
     */
    public record Result(int viewers, int updates, double firstAppliedMs, double lastAppliedMs, double spreadP50Ms,
                         double spreadMaxMs, double lastRenderedMs, double rssMb, double cpuPerViewerMs,
                         double idleCpuPercent, String note) {
    }

    /** Unrecorded updates first, so that every viewer has run the update path before it is timed. */
    static final int WARMUP_UPDATES = 3;
    /** The viewers count as settled once all of them together use less than this share of one core. */
    static final double SETTLED_CORES = 0.5;
    static final long SETTLE_LIMIT_MS = 120_000;

    static final List<String> VIEWER_FLAGS = List.of("-Xmx64m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1");
    static final long ASSUMED_RSS_MB = 180;

    private final Jars jars;
    private final Consumer<String> progress;

    public FanOutRun(Jars jars, Consumer<String> progress) {
        this.jars = jars;
        this.progress = progress;
    }

    public Result run(BenchProject project, Path work, int wanted, int updates, long gapMs)
            throws IOException, InterruptedException {
        long availableMb = Memory.availableMb();
        int viewers = (int) Math.max(1, Math.min(wanted, availableMb / ASSUMED_RSS_MB));
        String note = viewers < wanted ? "only " + viewers + " of " + wanted + " viewers: " + availableMb
                + " MB available at " + ASSUMED_RSS_MB + " MB each" : "";
        Path home = work.resolve("home");
        List<ViewerProcess> all = new ArrayList<>();
        try (DevServerProcess server = DevServerProcess.start(jars, project.dir(), home, work.resolve("devserver.log"), 900,
                progress)) {
            for (int i = 0; i < viewers; i++) {
                all.add(ViewerProcess.start(jars, home, work.resolve("viewer-" + i), VIEWER_FLAGS, 2, "320x240"));
            }
            for (int i = 0; i < all.size(); i++) {
                all.get(i).awaitAfter(-1, 600_000);
                if ((i + 1) % 10 == 0 || i + 1 == all.size()) {
                    progress.accept("[fan-out] " + (i + 1) + "/" + all.size() + " viewers drew their first frame");
                }
            }
            double rss = 0;
            for (ViewerProcess v : all) {
                rss += Memory.rssMb(v.pid());
            }
            progress.accept(String.format("[fan-out] %d viewers use %.0f MB resident in all", all.size(), rss));
            List<Long> pids = all.stream().map(ViewerProcess::pid).toList();
            double idle = settle(pids);
            Edit scene = project.edits().get(0);
            List<Double> first = new ArrayList<>();
            List<Double> last = new ArrayList<>();
            List<Double> spread = new ArrayList<>();
            List<Double> rendered = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int u = 1 - WARMUP_UPDATES; u <= updates; u++) {
                long[] before = new long[all.size()];
                for (int i = 0; i < all.size(); i++) {
                    before[i] = all.get(i).lastSeq();
                }
                Thread.sleep(gapMs);
                String text = scene.next(u + WARMUP_UPDATES);
                double cpuBefore = ProcessCpu.totalMs(pids);
                long written = System.currentTimeMillis();
                Files.writeString(scene.file(), text);
                long minApplied = Long.MAX_VALUE;
                long maxApplied = Long.MIN_VALUE;
                long maxRendered = Long.MIN_VALUE;
                for (int i = 0; i < all.size(); i++) {
                    Applied a = all.get(i).awaitAfter(before[i], 120_000);
                    minApplied = Math.min(minApplied, a.appliedAtMs());
                    maxApplied = Math.max(maxApplied, a.appliedAtMs());
                    maxRendered = Math.max(maxRendered, a.renderedAtMs());
                }
                double perViewer = (ProcessCpu.totalMs(pids) - cpuBefore) / all.size();
                String label = u <= 0 ? "warm-up " + (u + WARMUP_UPDATES) + "/" + WARMUP_UPDATES : "update " + u + "/" + updates;
                progress.accept(String.format("[fan-out] %s: first applied %d ms, last %d ms after the edit; %.1f ms CPU per viewer",
                        label, minApplied - written, maxApplied - written, perViewer));
                if (u <= 0) {
                    continue;
                }
                first.add((double) (minApplied - written));
                last.add((double) (maxApplied - written));
                spread.add((double) (maxApplied - minApplied));
                rendered.add((double) (maxRendered - written));
                cpu.add(perViewer);
            }
            return new Result(all.size(), updates, Summary.median(first), Summary.median(last), Summary.median(spread),
                    Summary.of(spread).max(), Summary.median(rendered), rss, Summary.median(cpu), idle, note);
        } finally {
            for (ViewerProcess v : all) {
                v.close();
            }
        }
    }

    /**
     * Waits until the viewers have finished starting (JIT, class loading, first frames), so that
     * the updates measure the update and not start-up: all of them together below
     * {@value #SETTLED_CORES} of a core over one second, or {@value #SETTLE_LIMIT_MS} ms at most.
     * Returns the last second's CPU use in % of one core.
     */
    private double settle(List<Long> pids) throws InterruptedException {
        long started = System.currentTimeMillis();
        double percent;
        do {
            double before = ProcessCpu.totalMs(pids);
            long at = System.nanoTime();
            Thread.sleep(1000);
            percent = 100 * (ProcessCpu.totalMs(pids) - before) / ((System.nanoTime() - at) / 1e6);
        } while (percent > 100 * SETTLED_CORES && System.currentTimeMillis() - started < SETTLE_LIMIT_MS);
        progress.accept(String.format("[fan-out] viewers settled after %.0f s: %.0f%% of one core in all while idle",
                (System.currentTimeMillis() - started) / 1000.0, percent));
        return percent;
    }
}
