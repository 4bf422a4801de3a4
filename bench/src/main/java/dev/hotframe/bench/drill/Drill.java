package dev.hotframe.bench.drill;

import dev.hotframe.bench.live.Jars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One drill: copy the project, start the dev server and a headless viewer on the copy, run the
 * chosen hostile edits one at a time, stop everything and delete the copy (unless kept).
 *
 * <pre>{@code
 * DrillReport report = new Drill(Jars.live(root), null, Drill.select(List.of("throw-in-update")), false)
 *         .run(System.err::println);
 * }</pre>
 */
public final class Drill {

    /** How far ahead a growing state field gets before the first edit; a row takes less. */
    static final Duration LEAD = Duration.ofSeconds(10);

    private final Jars jars;
    private final Path project;
    private final List<HostileEdit> edits;
    private final boolean keep;

    /** {@code project} null drills Hotframe's sample app; {@code keep} keeps the copy, logs and frames. */
    public Drill(Jars jars, Path project, List<String> only, boolean keep) {
        this.jars = jars;
        this.project = project;
        this.edits = select(only);
        this.keep = keep;
    }

    /** The names of every hostile edit with what it does, in the order they run. */
    public static List<String> catalogue() {
        return HostileEdits.all().stream().map(e -> String.format("%-20s %s", e.name(), e.label())).toList();
    }

    /** The edits named in {@code only} (all when empty), in catalogue order; an unknown name fails with the known ones. */
    static List<HostileEdit> select(List<String> only) {
        List<HostileEdit> all = HostileEdits.all();
        if (only == null || only.isEmpty()) {
            return all;
        }
        List<String> names = all.stream().map(HostileEdit::name).toList();
        for (String name : only) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("no hostile edit named '" + name + "'; the names are: " + String.join(", ", names));
            }
        }
        return all.stream().filter(e -> only.contains(e.name())).toList();
    }

    /** Runs the drill; {@code progress} gets a line per step. Fails only when the project cannot be run at all. */
    public DrillReport run(Consumer<String> progress) throws IOException, InterruptedException {
        if (project != null) {
            ProjectLayout.read(project);
        }
        Path work = Files.createTempDirectory("hotframe-fault-drill-");
        progress.accept("work folder " + work + (keep ? " (kept)" : " (deleted at the end; --keep keeps it)"));
        try {
            Path copy = work.resolve("project");
            ProjectLayout layout = project == null ? ProjectCopy.ofSample(jars.sampleApp(), copy, jars.viewer())
                    : ProjectCopy.ofProject(project, copy);
            progress.accept("app " + layout.appClass() + ", scene " + layout.scene().map(layout::relative).orElse("(none)")
                    + ", image " + layout.relative(layout.image().orElseThrow()) + (layout.imageCreated() ? " (created)" : ""));
            try (LiveProject live = LiveProject.start(jars, layout, work, progress)) {
                StateProbe probe = StateProbe.choose(live.output(), Duration.ofMillis(1500));
                if (probe.advancing()) {
                    progress.accept("watching the state field '" + probe.field() + "'; letting the app run " + LEAD.toSeconds()
                            + " s first, so that a reset cannot look like kept state");
                    probe.awaitLead(live.output(), LEAD);
                } else {
                    progress.accept(probe.checks() ? "watching the state field '" + probe.field() + "' (it must keep its value)"
                            : "the state has no numeric field: 'state kept' cannot be checked");
                }
                EditRun run = new EditRun(live, layout, probe);
                List<Row> rows = new ArrayList<>();
                for (int i = 0; i < edits.size(); i++) {
                    HostileEdit edit = edits.get(i);
                    if (!live.serverAlive()) {
                        // Reported as rows, not thrown: the rows so far and the table still come out.
                        rows.add(Row.skipped(edit.name(), HostileEdits.label(edit, layout),
                                "not run: the dev server exited (see " + work.resolve("devserver.log") + ")"));
                        continue;
                    }
                    if (!live.viewerAlive()) {
                        live.startViewer();
                    }
                    progress.accept("[" + (i + 1) + "/" + edits.size() + "] " + edit.name() + ": " + HostileEdits.label(edit, layout));
                    Row row = run.run(edit);
                    progress.accept("    " + (row.wasSkipped() ? "skipped: " + row.skipped() : row.passes() ? "passes" : "FAILS"));
                    rows.add(row);
                }
                return new DrillReport(rows, probe);
            }
        } finally {
            if (!keep) {
                delete(work);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
