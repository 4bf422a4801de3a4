package dev.hotframe.bench.baseline;

import dev.hotframe.bench.live.Jars;
import dev.hotframe.bench.live.Processes;
import dev.hotframe.bench.live.Settings;
import dev.hotframe.bench.project.BenchProject;
import dev.hotframe.bench.project.Edit;
import dev.hotframe.bench.report.BaselineCase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The naive loops on the same edits: {@code mvn -q -o compile} of the whole project, or a forked
 * {@code javac} of the edited file, then {@link FirstFrameMain} in a fresh JVM. A sample is the
 * edit's write time to the PNG being written. A scene edit compiles nothing but still restarts
 * with mvn, as a developer running {@code mvn compile exec:java} would.
 */
public final class RestartBaseline {

    private final Jars jars;
    private final Settings settings;
    private final Consumer<String> progress;

    public RestartBaseline(Jars jars, Settings settings, Consumer<String> progress) {
        this.jars = jars;
        this.settings = settings;
        this.progress = progress;
    }

    public List<BaselineCase> run(BenchProject project) throws IOException, InterruptedException {
        List<BaselineCase> cases = new ArrayList<>();
        for (Edit edit : project.edits()) {
            cases.add(new BaselineCase(project.name(), edit.name()));
        }
        if (settings.baselineRuns() == 0) {
            return cases;
        }
        progress.accept("[" + project.name() + "] baselines: a first 'mvn -q -o compile' (warm-up)");
        mvnCompile(project);
        firstFrame(project);
        int round = 10_000;
        for (int run = 1; run <= settings.baselineRuns(); run++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < project.edits().size(); i++) {
                Edit edit = project.edits().get(i);
                long written = write(edit, round++);
                mvnCompile(project);
                double compiled = System.currentTimeMillis() - written;
                double total = firstFrame(project) - written;
                cases.get(i).addMvn(total, compiled);
                written = write(edit, round++);
                if (edit.file().toString().endsWith(".java")) {
                    javac(project, edit.file());
                }
                double javacDone = System.currentTimeMillis() - written;
                double javacTotal = firstFrame(project) - written;
                cases.get(i).addJavac(javacTotal, javacDone);
                line.append(i == 0 ? "" : ", ").append(edit.name()).append(" mvn ").append(Math.round(total))
                        .append(" / javac ").append(Math.round(javacTotal)).append(" ms");
            }
            progress.accept("[" + project.name() + "] baseline " + run + "/" + settings.baselineRuns() + ": " + line);
        }
        return cases;
    }

    private static long write(Edit edit, int round) throws IOException {
        String text = edit.next(round);
        long written = System.currentTimeMillis();
        Files.writeString(edit.file(), text);
        return written;
    }

    private void mvnCompile(BenchProject project) throws IOException, InterruptedException {
        Processes.run(project.dir(), List.of("mvn", "-q", "-o", "compile"), 1800);
    }

    private void javac(BenchProject project, Path file) throws IOException, InterruptedException {
        String classpath = project.classes() + File.pathSeparator + jars.viewer();
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        Processes.run(project.dir(), List.of(javac.toString(), "--release", "17", "-d", project.classes().toString(),
                "-cp", classpath, file.toString()), 600);
    }

    /** Runs the app to its first frame in a fresh JVM; returns when it wrote the PNG (epoch ms). */
    private long firstFrame(BenchProject project) throws IOException, InterruptedException {
        Path png = project.dir().resolve("target/first-frame.png");
        Files.deleteIfExists(png);
        String classpath = jars.bench() + File.pathSeparator + jars.viewer();
        String out = Processes.run(project.dir(), List.of(Jars.java(), "-cp", classpath,
                FirstFrameMain.class.getName(), project.dir().toString(), project.classes().toString(), png.toString()), 300);
        for (String line : out.split("\n")) {
            if (line.startsWith("png-written ")) {
                return Long.parseLong(line.substring("png-written ".length()).strip());
            }
        }
        throw new IOException("the first-frame runner printed no 'png-written' line:\n" + out);
    }
}
