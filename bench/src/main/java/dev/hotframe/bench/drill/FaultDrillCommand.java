package dev.hotframe.bench.drill;

import dev.hotframe.bench.live.Jars;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fault-drill}: the command line of the drill; it checks its arguments, runs the drill and prints the table. */
@Command(name = "fault-drill", mixinStandardHelpOptions = true, version = "hotframe-fault-drill 0.1.0",
        description = {"Applies hostile edits, one at a time, to a copy of a project running under the",
            "real dev server and a headless viewer, and reports for each: is the viewer alive,",
            "is the failure shown (ok:false with an error that names it, or a warning), does",
            "the next good edit (the original file saved again) recover (ok:true, and the app",
            "runs), and is the state kept. Your own files are never touched.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every row passes", "1:a row fails or was skipped (the table and the notes say which and why)",
            "2:bad arguments, or a project that cannot be run as it is"})
public final class FaultDrillCommand implements Callable<Integer> {

    @Option(names = "--project", paramLabel = "DIR",
            description = "The project to drill (a folder with hotframe.json); it is copied first (default: Hotframe's sample app).")
    Path project;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Only these edits, comma-separated (names from --list).")
    List<String> only;

    @Option(names = "--list", description = "List the hostile edits and exit.")
    boolean list;

    @Option(names = "--keep", description = "Keep the work folder (the copy, logs and frames) for inspection.")
    boolean keep;

    @Option(names = "--root", paramLabel = "DIR", description = "The Hotframe checkout (default: $HOTFRAME_ROOT or the current folder).")
    Path root;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FaultDrillCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (list) {
            Drill.catalogue().forEach(System.out::println);
            return 0;
        }
        Path checkout = (root != null ? root : Path.of(System.getenv().getOrDefault("HOTFRAME_ROOT", "."))).toAbsolutePath().normalize();
        Drill drill;
        try {
            Path dir = project == null ? null : project.toAbsolutePath().normalize();
            if (dir != null) {
                ProjectLayout.read(dir);
            }
            drill = new Drill(Jars.live(checkout), dir, only, keep);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        DrillReport report;
        try {
            report = drill.run(line -> System.err.println("fault-drill: " + line));
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        System.out.println();
        System.out.print(report.table());
        System.out.println();
        System.out.println(report.summary());
        System.out.println();
        System.out.print(report.notes());
        return report.passes() ? 0 : 1;
    }
}
