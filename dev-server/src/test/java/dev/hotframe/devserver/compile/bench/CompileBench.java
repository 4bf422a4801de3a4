package dev.hotframe.devserver.compile.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.devserver.compile.JavaBuild;
import dev.hotframe.devserver.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-method edits on generated projects of several sizes: the time from "these files changed"
 * to classified class bytes ({@link JavaBuild#changed}: compile, dependents, classify, commit).
 * Not part of the normal build (the class name matches no surefire include, and it needs a
 * property). Run it with:
 *
 * <pre>
 * mvn -o -q -pl protocol,dev-server install -DskipTests
 * mvn -o -pl dev-server test -Dtest=CompileBenchmark -Dhotframe.bench=true [-Dhotframe.bench.sizes=20,1000,5000]
 * </pre>
 *
 * It prints a Markdown table and writes it to {@code dev-server/target/compile-benchmark.md}.
 */
@EnabledIfSystemProperty(named = "hotframe.bench", matches = "true")
class CompileBenchmark {

    private static final int WARM_UP_EDITS = 15;
    private static final int MEASURED_EDITS = Integer.getInteger("hotframe.bench.edits", 60);

    @TempDir
    Path dir;

    @Test
    void oneMethodEdits() throws IOException {
        int[] sizes = Arrays.stream(System.getProperty("hotframe.bench.sizes", "20,1000,5000").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        measure(SyntheticProject.generate(dir.resolve("jvm-warm-up"), 20), false);
        List<String> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.addAll(measure(SyntheticProject.generate(dir.resolve("p" + size), size), true));
        }
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

    private List<String> measure(SyntheticProject project, boolean report) {
        Random random = new Random(project.size());
        try (JavaBuild build = new JavaBuild(Project.load(project.root()))) {
            long fullStart = System.nanoTime();
            assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);
            long fullMs = (System.nanoTime() - fullStart) / 1_000_000;
            build.warm(3);
            int[] counter = {1};
            List<String> rows = new ArrayList<>();
            Edit body = i -> project.editBody(i, counter[0]++ * 1000);
            rows.add(row(project, build, random, body, "method body (redefine)", fullMs));
            Edit api = i -> project.addMethod(i, counter[0]++);
            rows.add(row(project, build, random, api, "public method added (reload + users)", fullMs));
            return report ? rows : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One kind of edit to class {@code i}; returns the changed file. */
    private interface Edit {
        Path apply(int i);
    }

    private static String row(SyntheticProject project, JavaBuild build, Random random, Edit edit, String name, long fullMs) {
        long[] times = new long[MEASURED_EDITS];
        int compiled = 0;
        for (int round = -WARM_UP_EDITS; round < MEASURED_EDITS; round++) {
            Path file = edit.apply(random.nextInt(project.size()));
            long start = System.nanoTime();
            JavaBuild.Result result = build.changed(Set.of(file));
            long nanos = System.nanoTime() - start;
            assertThat(result).isInstanceOf(JavaBuild.Built.class);
            if (round >= 0) {
                times[round] = nanos;
                compiled = Math.max(compiled, ((JavaBuild.Built) result).filesCompiled());
            }
        }
        Arrays.sort(times);
        return String.format(Locale.ROOT, "| %d | %s | %d | %.1f | %.1f | %.1f | <= %d | %d |", project.size(), name,
                MEASURED_EDITS, ms(times[times.length / 2]), ms(times[(int) Math.ceil(times.length * 0.95) - 1]),
                ms(times[times.length - 1]), compiled, fullMs);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
