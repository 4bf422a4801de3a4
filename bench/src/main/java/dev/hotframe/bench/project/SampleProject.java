package dev.hotframe.bench.project;

import dev.hotframe.wire.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A copy of {@code sample-app} with a standalone pom, and the four edits of the harness on it. */
public final class SampleProject {

    private SampleProject() {
    }

    public static BenchProject copy(Path sampleApp, Path target, Path viewerJar) throws IOException {
        if (!Files.isRegularFile(sampleApp.resolve("hotframe.json"))) {
            throw new IllegalArgumentException("not the sample app (no hotframe.json): " + sampleApp);
        }
        try (Stream<Path> walk = Files.walk(sampleApp)) {
            for (Path from : (Iterable<Path>) walk::iterator) {
                Path rel = sampleApp.relativize(from);
                if (rel.startsWith("target")) {
                    continue;
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        StandalonePom.write(target, "sample-app", viewerJar);
        Path pkg = target.resolve("src/main/java/dev/hotframe/sample");
        Path app = pkg.resolve("DashboardApp.java");
        Path state = pkg.resolve("DashboardState.java");
        Path scene = target.resolve("scenes/dashboard.json");
        int files;
        try (Stream<Path> java = Files.walk(target.resolve("src/main/java"))) {
            files = (int) java.filter(p -> p.toString().endsWith(".java")).count();
        }
        List<Edit> edits = List.of(
                Edit.toggle("scene property", Tier.SCENE, scene, "\"fill\": \"#3366FF\"", "\"fill\": \"#3366FE\""),
                Edit.toggle("method body", Tier.REDEFINE, app, "return 0xFF1B2838;", "return 0xFF1B2839;"),
                Edit.insertAfter("added field", Tier.RELOAD, state, "    public int clicks;\n",
                        "    public int added%d = %d;\n"),
                Edit.insertAfter("added lambda", Tier.RELOAD, app, "        drawSamples(canvas, s);\n",
                        "        java.util.function.IntUnaryOperator lambda%d = v -> v + %d;\n"));
        Edit toggle = Edit.toggle("structural toggle", Tier.RELOAD, state, "    public int clicks;\n",
                "    public int clicks;\n    public int leakProbe = 1;\n");
        return new BenchProject("sample app", target, files, "dev.hotframe.sample.DashboardApp", edits, toggle);
    }
}
