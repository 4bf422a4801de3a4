package dev.hotframe.devserver.compile.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.devserver.compile.JavaBuild;
import dev.hotframe.devserver.compile.JavacWarmup;
import dev.hotframe.devserver.project.Project;
import dev.hotframe.testing.project.GeneratedProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-method edits on generated projects of several sizes: the time from "these files changed"
 * to classified class bytes ({@link JavaBuild#changed}: compile, dependents, classify, commit).
 * Tagged {@code bench}, so it runs only with {@code -Pbench}:
 *
 * <pre>
 * mvn -o -q -pl protocol,testing,dev-server install -DskipTests
 * mvn -o -Pbench -pl dev-server test -Dtest=CompileBench [-Dhotframe.bench.sizes=20,1000,5000]
 * </pre>
 *
 * It prints a Markdown table and writes it to {@code dev-server/target/compile-benchmark.md}.
 */
@Tag("bench")
class CompileBench {

    private static final int WARM_UP_EDITS = 20;
    private static final int MEASURED_EDITS = Integer.getInteger("hotframe.bench.edits", 60);

    @TempDir
    Path dir;

    @Test
    void oneMethodEdits() throws IOException {
        int[] sizes = Arrays.stream(System.getProperty("hotframe.bench.sizes", "20,1000,5000").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        List<Subject> subjects = new ArrayList<>();
        try {
            for (int size : sizes) {
                subjects.add(Subject.open(GeneratedProject.write(dir.resolve("p" + size), size)));
            }
            List<String> rows = new ArrayList<>();
            rows.addAll(measure(subjects, "method body (redefine)", Subject::editBody));
            rows.addAll(measure(subjects, "public method added (reload + users)", Subject::addMethod));
            report(rows);
        } finally {
            for (Subject subject : subjects) {
                subject.build().close();
            }
        }
    }

    /**
     * Edits the projects in turn, one edit each per round, so that whatever else the machine
     * does at the time weighs on every size alike.
     */
    private static List<String> measure(List<Subject> subjects, String name, ToIntFunction<Subject> edit) {
        long[][] times = new long[subjects.size()][MEASURED_EDITS];
        int[] compiled = new int[subjects.size()];
        for (int round = -WARM_UP_EDITS; round < MEASURED_EDITS; round++) {
            for (int s = 0; s < subjects.size(); s++) {
                Subject subject = subjects.get(s);
                int i = edit.applyAsInt(subject);
                long start = System.nanoTime();
                JavaBuild.Result result = subject.build().changed(Set.of(subject.project().part(i)));
                long nanos = System.nanoTime() - start;
                assertThat(result).isInstanceOf(JavaBuild.Built.class);
                if (round >= 0) {
                    times[s][round] = nanos;
                    compiled[s] = Math.max(compiled[s], ((JavaBuild.Built) result).filesCompiled());
                }
            }
        }
        List<String> rows = new ArrayList<>();
        for (int s = 0; s < subjects.size(); s++) {
            long[] sorted = times[s].clone();
            Arrays.sort(sorted);
            rows.add(String.format(Locale.ROOT, "| %d | %s | %d | %.1f | %.1f | %.1f | <= %d | %d |",
                    subjects.get(s).project().files(), name, MEASURED_EDITS, ms(sorted[sorted.length / 2]),
                    ms(sorted[(int) Math.ceil(sorted.length * 0.95) - 1]), ms(sorted[sorted.length - 1]), compiled[s],
                    subjects.get(s).fullMs()));
        }
        return rows;
    }

    private static void report(List<String> rows) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Machine: %d cores, %s %s, max heap %d MiB%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20));
        table.append("| files | edit | n | p50 ms | p95 ms | max ms | files compiled | full build ms |\n");
        table.append("|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> table.append(r).append('\n'));
        System.out.println(table);
        Path out = Path.of("target/compile-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    /** One generated project, built once and kept warm. */
    private record Subject(GeneratedProject project, JavaBuild build, long fullMs, Random random, int[] counter) {

        static Subject open(GeneratedProject project) {
            JavaBuild build = new JavaBuild(Project.load(project.dir()));
            long start = System.nanoTime();
            assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);
            long fullMs = (System.nanoTime() - start) / 1_000_000;
            new JavacWarmup(build).warmUntil(java.time.Duration.ofMinutes(1), 3);
            return new Subject(project, build, fullMs, new Random(project.files()), new int[] {1});
        }

        int editBody() {
            int i = random.nextInt(project.parts());
            try {
                project.editBody(i, counter[0]++ * 1000);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot edit part " + i + " of " + project.dir(), e);
            }
            return i;
        }

        int addMethod() {
            int i = random.nextInt(project.parts());
            try {
                project.addMethod(i, counter[0]++);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot edit part " + i + " of " + project.dir(), e);
            }
            return i;
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
