package dev.hotframe.bench.cli;

import dev.hotframe.bench.live.Jars;
import dev.hotframe.bench.live.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: the end-to-end latency harness's command line. */
@Command(name = "bench", mixinStandardHelpOptions = true, version = "hotframe-bench 0.1.0",
        description = {"Measures edit to new pixels through the real dev server and headless viewers, against the",
            "naive restart loops on the same edits, plus viewer memory after many reloads and fan-out to many viewers.",
            "Prints tables and writes them as markdown and JSON to --out."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every part ran", "1:a part failed (the message says which and where its logs are)",
            "2:bad arguments"})
public final class BenchCommand implements Callable<Integer> {

    static final Set<String> PARTS = Set.of("sample", "generated", "baselines", "leak", "fanout");

    @Option(names = "--runs", defaultValue = "30", paramLabel = "N", description = "Measured edits per case (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "N", description = "Warm-up rounds per project, not recorded (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--baseline-runs", defaultValue = "5", paramLabel = "N",
            description = "Runs per edit of each restart loop; mvn of 5,000 files takes a while (default: ${DEFAULT-VALUE}).")
    int baselineRuns;

    @Option(names = "--sizes", defaultValue = "20,1000,5000", split = ",", paramLabel = "N,...",
            description = "Generated project sizes in Java files (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--cases", defaultValue = "sample,generated,baselines,leak,fanout", split = ",", paramLabel = "PART,...",
            description = "What to run: sample, generated, baselines, leak, fanout (default: ${DEFAULT-VALUE}).")
    List<String> cases;

    @Option(names = "--gap-ms", defaultValue = "300", paramLabel = "MS", description = "Quiet gap before every edit (default: ${DEFAULT-VALUE}).")
    long gapMs;

    @Option(names = "--reloads", defaultValue = "500", paramLabel = "N", description = "Structural reloads of the leak run, after 50 warm-up ones (default: ${DEFAULT-VALUE}).")
    int reloads;

    @Option(names = "--viewers", defaultValue = "50", paramLabel = "N", description = "Headless viewer processes of the fan-out run (default: ${DEFAULT-VALUE}).")
    int viewers;

    @Option(names = "--out", defaultValue = "bench/results", paramLabel = "DIR", description = "Where results go, relative to --root (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--root", paramLabel = "DIR", description = "The Hotframe checkout (default: $HOTFRAME_ROOT or the current folder).")
    Path root;

    @Option(names = "--keep", description = "Keep the work folder (projects, logs, frames) instead of deleting it.")
    boolean keep;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        for (String part : cases) {
            if (!PARTS.contains(part)) {
                System.err.println("error: --cases takes " + String.join(", ", PARTS.stream().sorted().toList()) + "; was '" + part + "'");
                return 2;
            }
        }
        if (sizes.stream().anyMatch(s -> s < 3)) {
            System.err.println("error: every --sizes value must be at least 3 (app, state, one part), was " + sizes);
            return 2;
        }
        Settings settings;
        try {
            settings = new Settings(warmup, runs, baselineRuns, gapMs, 120_000);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        Path checkout = root != null ? root : Path.of(System.getenv().getOrDefault("HOTFRAME_ROOT", ".")).toAbsolutePath();
        Jars jars;
        try {
            jars = Jars.under(checkout.normalize());
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        String command = "bin/bench --runs " + runs + " --warmup " + warmup + " --baseline-runs " + baselineRuns + " --sizes "
                + String.join(",", sizes.stream().map(String::valueOf).toList()) + " --cases " + String.join(",", cases)
                + " --gap-ms " + gapMs + " --reloads " + reloads + " --viewers " + viewers;
        return new BenchRun(jars, settings, Set.copyOf(cases), sizes, reloads, viewers, keep).run(command,
                jars.root().resolve(out));
    }
}
