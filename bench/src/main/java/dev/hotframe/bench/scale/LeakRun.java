package dev.hotframe.bench.scale;

import dev.hotframe.bench.live.Applied;
import dev.hotframe.bench.live.DevServerProcess;
import dev.hotframe.bench.live.Jars;
import dev.hotframe.bench.live.ViewerProcess;
import dev.hotframe.bench.project.BenchProject;
import dev.hotframe.bench.project.Edit;
import dev.hotframe.bench.report.Summary;
import dev.hotframe.wire.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Viewer memory around many structural reloads through the real processes: a field toggled in
 * and out of the state class (each save a reload with state migration), memory read with jcmd
 * after the warm-up reloads and again after the measured ones.
 */
public final class LeakRun {

    /** The viewer's memory before and after, and the reloads' edit-to-pixels p50. */
    public record Result(int reloads, JvmMemory before, JvmMemory after, double p50Ms) {
    }

    private final Jars jars;
    private final Consumer<String> progress;

    public LeakRun(Jars jars, Consumer<String> progress) {
        this.jars = jars;
        this.progress = progress;
    }

    public Result run(BenchProject project, Path work, int warmup, int reloads, long gapMs)
            throws IOException, InterruptedException {
        Path home = work.resolve("home");
        try (DevServerProcess server = DevServerProcess.start(jars, project.dir(), home, work.resolve("devserver.log"), 900,
                progress);
             ViewerProcess viewer = ViewerProcess.start(jars, home, work.resolve("frames"), List.of(), 60, "800x600")) {
            viewer.awaitAfter(-1, 300_000);
            Edit toggle = project.structuralToggle();
            reload(viewer, toggle, warmup, gapMs, "warm-up", new ArrayList<>());
            JvmMemory before = JvmMemory.of(viewer.pid(), 5);
            progress.accept(String.format("[leak] after %d warm-up reloads: heap %.1f MB, metaspace %.1f MB", warmup,
                    before.heapMb(), before.metaspaceMb()));
            List<Double> times = new ArrayList<>();
            reload(viewer, toggle, reloads, gapMs, "reload", times);
            JvmMemory after = JvmMemory.of(viewer.pid(), 5);
            progress.accept(String.format("[leak] after %d more reloads: heap %.1f MB, metaspace %.1f MB", reloads,
                    after.heapMb(), after.metaspaceMb()));
            return new Result(reloads, before, after, Summary.median(times));
        }
    }

    private void reload(ViewerProcess viewer, Edit toggle, int count, long gapMs, String label, List<Double> times)
            throws IOException, InterruptedException {
        for (int i = 1; i <= count; i++) {
            Thread.sleep(gapMs);
            String text = toggle.next(i);
            long before = viewer.lastSeq();
            long written = System.currentTimeMillis();
            Files.writeString(toggle.file(), text);
            Applied a = viewer.awaitAfter(before, 120_000);
            if (!a.ok() || a.tier() != Tier.RELOAD) {
                throw new IOException("structural toggle " + i + " gave tier " + a.tier() + ", ok " + a.ok() + ": " + a.error());
            }
            times.add((double) (a.renderedAtMs() - written));
            if (i % 50 == 0 || i == count) {
                progress.accept("[leak] " + label + " " + i + "/" + count + (times.isEmpty() ? "" : ", last " + Math.round(times.get(times.size() - 1)) + " ms"));
            }
        }
    }
}
