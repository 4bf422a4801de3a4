package dev.hotframe.bench.project;

import dev.hotframe.testing.project.SampleApp;
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
        SampleApp.copy(sampleApp, target);
        StandalonePom.write(target, "sample-app", viewerJar);
        Path app = target.resolve(SampleApp.APP);
        Path state = target.resolve(SampleApp.STATE);
        Path scene = target.resolve(SampleApp.SCENE);
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
