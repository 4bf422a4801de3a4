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

    /** Per update, the edit to the first and to the last viewer's applied time; medians over the updates. */
    public record Result(int viewers, int updates, double firstAppliedMs, double lastAppliedMs, double spreadP50Ms,
                         double spreadMaxMs, double lastRenderedMs, double rssMb, String note) {
    }

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
                all.get(i).log().awaitAfter(-1, 600_000, all.get(i));
                if ((i + 1) % 10 == 0 || i + 1 == all.size()) {
                    progress.accept("[fan-out] " + (i + 1) + "/" + all.size() + " viewers drew their first frame");
                }
            }
            double rss = 0;
            for (ViewerProcess v : all) {
                rss += Memory.rssMb(v.pid());
            }
            progress.accept(String.format("[fan-out] %d viewers use %.0f MB resident in all", all.size(), rss));
            Edit scene = project.edits().get(0);
            List<Double> first = new ArrayList<>();
            List<Double> last = new ArrayList<>();
            List<Double> spread = new ArrayList<>();
            List<Double> rendered = new ArrayList<>();
            for (int u = 1; u <= updates; u++) {
                long[] before = new long[all.size()];
                for (int i = 0; i < all.size(); i++) {
                    before[i] = all.get(i).log().lastSeq();
                }
                Thread.sleep(gapMs);
                String text = scene.next(u);
                long written = System.currentTimeMillis();
                Files.writeString(scene.file(), text);
                long minApplied = Long.MAX_VALUE;
                long maxApplied = Long.MIN_VALUE;
                long maxRendered = Long.MIN_VALUE;
                for (int i = 0; i < all.size(); i++) {
                    Applied a = all.get(i).log().awaitAfter(before[i], 120_000, all.get(i));
                    minApplied = Math.min(minApplied, a.appliedAtMs());
                    maxApplied = Math.max(maxApplied, a.appliedAtMs());
                    maxRendered = Math.max(maxRendered, a.renderedAtMs());
                }
                first.add((double) (minApplied - written));
                last.add((double) (maxApplied - written));
                spread.add((double) (maxApplied - minApplied));
                rendered.add((double) (maxRendered - written));
                progress.accept(String.format("[fan-out] update %d/%d: first applied %d ms, last %d ms after the edit",
                        u, updates, minApplied - written, maxApplied - written));
            }
            return new Result(all.size(), updates, Summary.median(first), Summary.median(last), Summary.median(spread),
                    Summary.of(spread).max(), Summary.median(rendered), rss, note);
        } finally {
            for (ViewerProcess v : all) {
                v.close();
            }
        }
    }
}
