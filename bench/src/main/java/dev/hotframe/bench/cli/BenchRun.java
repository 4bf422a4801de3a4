package dev.hotframe.bench.cli;

import dev.hotframe.bench.baseline.RestartBaseline;
import dev.hotframe.bench.live.Jars;
import dev.hotframe.bench.live.LatencyRun;
import dev.hotframe.bench.live.ProjectRun;
import dev.hotframe.bench.live.Settings;
import dev.hotframe.bench.project.BenchProject;
import dev.hotframe.bench.project.ProjectGenerator;
import dev.hotframe.bench.project.SampleProject;
import dev.hotframe.bench.report.BaselineCase;
import dev.hotframe.bench.report.LatencyCase;
import dev.hotframe.bench.report.Report;
import dev.hotframe.bench.report.Table;
import dev.hotframe.bench.report.Tables;
import dev.hotframe.bench.scale.FanOutRun;
import dev.hotframe.bench.scale.LeakRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** One harness run: the parts that were asked for, in order, then the report. */
final class BenchRun {

    private final Jars jars;
    private final Settings settings;
    private final Set<String> parts;
    private final List<Integer> sizes;
    private final int reloads;
    private final int viewers;
    private final boolean keep;
    private final long started = System.currentTimeMillis();

    BenchRun(Jars jars, Settings settings, Set<String> parts, List<Integer> sizes, int reloads, int viewers, boolean keep) {
        this.jars = jars;
        this.settings = settings;
        this.parts = parts;
        this.sizes = List.copyOf(sizes);
        this.reloads = reloads;
        this.viewers = viewers;
        this.keep = keep;
    }

    int run(String command, Path outDir) throws Exception {
        Path work = Files.createTempDirectory("hotframe-bench-");
        progress("work folder " + work + (keep ? " (kept)" : " (deleted at the end; --keep keeps it)"));
        Report report = Machine.describe(new Report(), jars.root()).fact("command", command);
        List<ProjectRun> runs = new ArrayList<>();
        List<BaselineCase> baselines = new ArrayList<>();
        List<LatencyCase> cases = List.of();
        LeakRun.Result leak = null;
        FanOutRun.Result fan = null;
        try {
            List<BenchProject> projects = new ArrayList<>();
            if (parts.contains("sample")) {
                projects.add(SampleProject.copy(jars.sampleApp(), work.resolve("sample-app"), jars.viewer()));
            }
            if (parts.contains("generated")) {
                for (int size : sizes) {
                    progress("generating a project of " + size + " files");
                    projects.add(ProjectGenerator.generate(work.resolve("gen-" + size), size, jars.viewer()));
                }
            }
            for (BenchProject project : projects) {
                Path dir = work.resolve("run-" + project.dir().getFileName());
                Files.createDirectories(dir);
                runs.add(new LatencyRun(jars, settings, this::progress).run(project, dir));
                if (parts.contains("baselines")) {
                    baselines.addAll(new RestartBaseline(jars, settings, this::progress).run(project));
                }
            }
            cases = runs.stream().flatMap(r -> r.cases().stream()).toList();
            if (!cases.isEmpty()) {
                report.table("Edit to new pixels, ms (phases are medians)", Tables.latency(cases))
                        .table("Start-up, ms", Startup.table(runs))
                        .data("latency", cases.stream().map(LatencyCase::toMap).toList())
                        .data("startup", runs.stream().map(r -> List.of(r.project(), r.serverReadyMs(), r.viewerFirstFrameMs(), r.firstEditMs())).toList());
            }
            if (!baselines.isEmpty()) {
                report.table("Restart loops on the same edits, edit to first-frame PNG, ms", Tables.baselines(cases, baselines));
            }
            if (parts.contains("leak")) {
                BenchProject fresh = SampleProject.copy(jars.sampleApp(), work.resolve("leak-app"), jars.viewer());
                Files.createDirectories(work.resolve("run-leak"));
                leak = new LeakRun(jars, this::progress).run(fresh, work.resolve("run-leak"), 50, reloads,
                        Math.min(settings.gapMs(), 100));
                report.table("Viewer memory around structural reloads (sample app, real processes, jcmd after GC.run)",
                        Scale.leak(leak)).data("leak", leak);
            }
            if (parts.contains("fanout")) {
                BenchProject fresh = SampleProject.copy(jars.sampleApp(), work.resolve("fanout-app"), jars.viewer());
                Files.createDirectories(work.resolve("run-fanout"));
                fan = new FanOutRun(jars, this::progress).run(fresh, work.resolve("run-fanout"), viewers, 5,
                        Math.max(settings.gapMs(), 500));
                report.table("One scene update to many headless viewers (real processes), ms after the edit",
                        Scale.fanOut(fan)).data("fanOut", fan);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("logs and projects are kept in " + work);
            return 1;
        }
        Table targets = Targets.table(cases, baselines, leak, fan);
        if (targets.size() > 0) {
            report.table("Issue 9 targets (on this machine and load)", targets);
        }
        report.fact("load average at the end", Machine.loadAverage());
        report.fact("wall time", (System.currentTimeMillis() - started) / 1000 + " s");
        System.out.println();
        System.out.print(report.text());
        String stem = "bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path md = report.write(outDir, stem);
        System.out.println("wrote " + md + " and " + md.resolveSibling(stem + ".json"));
        if (!keep) {
            delete(work);
        }
        return 0;
    }

    private void progress(String line) {
        System.out.printf("[%5.0f s] %s%n", (System.currentTimeMillis() - started) / 1000.0, line);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
