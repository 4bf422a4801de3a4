package dev.hotframe.bench.live;

import dev.hotframe.bench.project.BenchProject;
import dev.hotframe.bench.project.Edit;
import dev.hotframe.bench.report.LatencyCase;
import dev.hotframe.wire.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Edit to new pixels through the real processes: a dev server on the project and one headless
 * viewer; every round makes each edit once, after a quiet gap, and reads the viewer's update log.
 */
public final class LatencyRun {

    /** The pause between the viewer's first frame and the first edit: a user looks before editing. */
    public static final long FIRST_EDIT_PAUSE_MS = 5_000;
    private static final int FIRST_EDIT_ROUND = 1_000_000;

    private final Jars jars;
    private final Settings settings;
    private final Consumer<String> progress;

    public LatencyRun(Jars jars, Settings settings, Consumer<String> progress) {
        this.jars = jars;
        this.settings = settings;
        this.progress = progress;
    }

    public ProjectRun run(BenchProject project, Path work) throws IOException, InterruptedException {
        Path home = work.resolve("home");
        progress.accept("[" + project.name() + "] starting the dev server (initial build of " + project.javaFiles()
                + " files)");
        try (DevServerProcess server = DevServerProcess.start(jars, project.dir(), home, work.resolve("devserver.log"),
                900, line -> progress.accept("[" + project.name() + "] " + line))) {
            progress.accept("[" + project.name() + "] dev server ready in " + server.readyMs() + " ms; starting a viewer");
            try (ViewerProcess viewer = ViewerProcess.start(jars, home, work.resolve("frames"), List.of(), 60, "800x600")) {
                Applied first = viewer.awaitAfter(-1, 300_000);
                requireOk(first, project, "the first snapshot", viewer);
                long firstFrame = first.renderedAtMs() - viewer.startedAtMs();
                progress.accept("[" + project.name() + "] viewer first frame in " + firstFrame + " ms");
                long firstEdit = firstEdit(project, viewer);
                List<LatencyCase> cases = new ArrayList<>();
                for (Edit edit : project.edits()) {
                    cases.add(new LatencyCase(project.name(), edit.name(), edit.tier()));
                }
                int rounds = settings.warmup() + settings.runs();
                for (int round = 0; round < rounds; round++) {
                    boolean measured = round >= settings.warmup();
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < project.edits().size(); i++) {
                        Edit edit = project.edits().get(i);
                        Thread.sleep(settings.gapMs());
                        long before = viewer.lastSeq();
                        long written = write(edit, round);
                        Applied a = viewer.awaitAfter(before, settings.updateTimeoutMs());
                        requireOk(a, project, edit.name(), viewer);
                        double total = a.renderedAtMs() - written;
                        if (measured) {
                            cases.get(i).add(a.tier(), total, a.phases(written));
                        }
                        line.append(i == 0 ? "" : ", ").append(edit.name()).append(' ').append(Math.round(total))
                                .append(" ms").append(a.tier() == edit.tier() ? "" : " (tier " + a.tier() + ")");
                    }
                    progress.accept("[" + project.name() + "] " + (measured ? "run " + (round - settings.warmup() + 1) + "/"
                            + settings.runs() : "warm-up " + (round + 1) + "/" + settings.warmup()) + ": " + line);
                }
                return new ProjectRun(project.name(), project.javaFiles(), server.readyMs(), firstFrame, firstEdit, cases);
            }
        }
    }

    /** The method-body edit, once, {@link #FIRST_EDIT_PAUSE_MS} ms after the first frame; returns edit to new pixels in ms. */
    private long firstEdit(BenchProject project, ViewerProcess viewer) throws IOException, InterruptedException {
        Edit edit = project.edits().stream().filter(e -> e.tier() == Tier.REDEFINE).findFirst()
                .orElse(project.edits().get(0));
        Thread.sleep(FIRST_EDIT_PAUSE_MS);
        long before = viewer.lastSeq();
        long written = write(edit, FIRST_EDIT_ROUND);
        Applied a = viewer.awaitAfter(before, settings.updateTimeoutMs());
        requireOk(a, project, "the first " + edit.name() + " edit", viewer);
        long ms = a.renderedAtMs() - written;
        progress.accept("[" + project.name() + "] first " + edit.name() + " edit, " + FIRST_EDIT_PAUSE_MS / 1000
                + " s after the first frame: " + ms + " ms");
        return ms;
    }

    /** Writes the edit's next round and returns the wall-clock time just before the write. */
    static long write(Edit edit, int round) throws IOException {
        String text = edit.next(round);
        long written = System.currentTimeMillis();
        Files.writeString(edit.file(), text);
        return written;
    }

    private static void requireOk(Applied a, BenchProject project, String what, ViewerProcess viewer) throws IOException {
        if (!a.ok()) {
            throw new IOException("[" + project.name() + "] " + what + " did not apply (seq " + a.seq() + ", tier "
                    + a.tier() + "): " + a.error());
        }
    }
}
