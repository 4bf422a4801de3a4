package dev.hotframe.bench.project;

import dev.hotframe.testing.project.GeneratedProject;
import dev.hotframe.wire.Tier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A generated app of N Java files ({@link GeneratedProject}) with a standalone pom, and the four edits of the harness on it. */
public final class ProjectGenerator {

    private ProjectGenerator() {
    }

    public static BenchProject generate(Path dir, int files, Path viewerJar) throws IOException {
        GeneratedProject project = GeneratedProject.write(dir, files);
        StandalonePom.write(dir, "generated-" + files, viewerJar);
        Path app = project.app();
        Path state = project.state();
        Path scene = project.scene();
        List<Edit> edits = List.of(
                Edit.toggle("scene property", Tier.SCENE, scene, "\"fill\": \"#3366FF\"", "\"fill\": \"#3366FE\""),
                Edit.toggle("method body", Tier.REDEFINE, app, "return 0xFF2A4D69;", "return 0xFF2A4D6A;"),
                Edit.insertAfter("added field", Tier.RELOAD, state, "    public long frames;\n",
                        "    public int added%d = %d;\n"),
                Edit.insertAfter("added lambda", Tier.RELOAD, app, "        drawShapes(canvas, s);\n",
                        "        java.util.function.IntUnaryOperator lambda%d = v -> v + %d;\n"));
        Edit toggle = Edit.toggle("structural toggle", Tier.RELOAD, state, "    public long frames;\n",
                "    public long frames;\n    public int leakProbe = 1;\n");
        return new BenchProject(String.format("generated %,d files", files), dir, files, GeneratedProject.APP_CLASS, edits, toggle);
    }
}
