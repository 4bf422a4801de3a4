package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.testkit.TestApp;
import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Tier;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reload engine's numbers for BENCHMARKS.md: memory kept after 500 structural reloads, the
 * apply time of each tier (small and 10,000-object states), and what the fuel checks cost.
 * Run: {@code mvn -Pbench -pl viewer -am test -Dtest=ReloadBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
@Timeout(900)
class ReloadBench {

    private static final String APP = "demo.App";

    /** An app whose state holds {@code particles} particles; {@code extra} adds fields; {@code value} is what get() says. */
    private static List<ClassFile> app(String value, int particles, String extra) {
        return TestApp.named(APP).imports("java.util.*")
                .members("public static final class Particle {\n    public double x, y, vx, vy;\n}")
                .state("public int frames;\npublic String title = \"bench\";\n"
                        + "public List<Particle> particles = new ArrayList<>();\n" + extra)
                .initialState("""
                        State s = new State();
                        for (int i = 0; i < %d; i++) {
                            Particle p = new Particle();
                            p.x = i; p.y = i * 2; p.vx = 1; p.vy = -1;
                            s.particles.add(p);
                        }
                        return s;""".formatted(particles))
                .update("s.frames++;").get("\"" + value + "\"").compile();
    }

    @Test
    void memoryKeptAfterFiveHundredStructuralReloads() throws Exception {
        List<List<ClassFile>> shapes = List.of(app("a", 100, "public int level = 1;"), app("b", 100, ""));
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        host.start(APP, shapes.get(0));
        for (int i = 0; i < 50; i++) {
            host.apply(Tier.RELOAD, "warm-up", shapes.get(i % 2), List.of());
        }
        long[] before = settledMemory();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long loadedBefore = classes.getTotalLoadedClassCount();
        long unloadedBefore = classes.getUnloadedClassCount();
        for (int i = 0; i < 500; i++) {
            Applied applied = host.apply(Tier.RELOAD, "shape " + i, shapes.get(i % 2), List.of());
            assertThat(applied.ok()).isTrue();
        }
        long[] after = settledMemory();
        double heapMb = (after[0] - before[0]) / 1048576.0;
        double metaMb = (after[1] - before[1]) / 1048576.0;
        System.out.printf("BENCH 500 structural reloads: heap %+.2f MB (%.1f -> %.1f), metaspace %+.2f MB (%.1f -> %.1f), "
                        + "classes loaded %d, unloaded %d%n", heapMb, before[0] / 1048576.0, after[0] / 1048576.0, metaMb,
                before[1] / 1048576.0, after[1] / 1048576.0, classes.getTotalLoadedClassCount() - loadedBefore,
                classes.getUnloadedClassCount() - unloadedBefore);
        assertThat(heapMb + metaMb).as("retained growth in MB").isLessThan(10);
    }

    @Test
    void applyTimeOfEachTier() {
        for (int particles : new int[] {100, 10_000}) {
            List<ClassFile> a = app("a", particles, "");
            List<ClassFile> a2 = app("a2", particles, "");
            List<ClassFile> b = app("b", particles, "public int level = 1;");
            AppHost host = new AppHost(RedefineAgent.instrumentation());
            host.start(APP, a);
            Map<String, long[]> phases = new HashMap<>();
            report(particles, "redefine", measure(host, 200, i -> host.apply(Tier.REDEFINE, "body", i % 2 == 0 ? a2 : a, List.of()), phases),
                    phases);
            phases.clear();
            report(particles, "reload", measure(host, 200, i -> host.apply(Tier.RELOAD, "shape", i % 2 == 0 ? b : a, List.of()), phases),
                    phases);
            phases.clear();
            report(particles, "restart", measure(host, 100, i -> host.apply(Tier.RESTART, "init", i % 2 == 0 ? b : a, List.of()), phases),
                    phases);
        }
    }

    @Test
    void costOfTheFuelChecks() throws Exception {
        List<ClassFile> work = TestCompiler.compile("""
                package demo;

                public final class Work {
                    public static long loop(int n) {
                        long s = 0;
                        for (int i = 0; i < n; i++) {
                            s += i ^ (s >>> 3);
                        }
                        return s;
                    }

                    public static int fib(int n) {
                        return n < 2 ? n : fib(n - 1) + fib(n - 2);
                    }
                }
                """);
        Map<String, byte[]> bytes = new HashMap<>();
        work.forEach(c -> bytes.put(c.name(), c.bytes()));
        Class<?> plain = new ClassLoader("plain", getClass().getClassLoader()) {
            {
                byte[] b = bytes.get("demo.Work");
                defineClass("demo.Work", b, 0, b.length);
            }
        }.loadClass("demo.Work");
        Class<?> metered = new GenerationLoader(1, bytes, getClass().getClassLoader()).loadClass("demo.Work");
        for (String method : List.of("loop", "fib")) {
            Method unchecked = plain.getMethod(method, int.class);
            Method checked = metered.getMethod(method, int.class);
            int n = method.equals("loop") ? 100_000_000 : 32;
            assertThat(checked.invoke(null, n)).isEqualTo(unchecked.invoke(null, n));
            long[] without = new long[11];
            long[] with = new long[11];
            for (int i = 0; i < 11; i++) {
                without[i] = time(unchecked, n);
                with[i] = time(checked, n);
            }
            Arrays.sort(without);
            Arrays.sort(with);
            System.out.printf("BENCH fuel checks, %s(%d): %.1f ms without, %.1f ms with (%+.1f%%), median of 11%n", method, n,
                    without[5] / 1e6, with[5] / 1e6, 100.0 * (with[5] - without[5]) / without[5]);
        }
    }

    private static long time(Method method, int n) throws Exception {
        long start = System.nanoTime();
        method.invoke(null, n);
        return System.nanoTime() - start;
    }

    private static long[] measure(AppHost host, int runs, java.util.function.IntFunction<Applied> apply, Map<String, long[]> phases) {
        long[] micros = new long[runs];
        for (int i = -20; i < runs; i++) {
            long start = System.nanoTime();
            Applied applied = apply.apply(i);
            long took = (System.nanoTime() - start) / 1_000;
            assertThat(applied.ok()).as("%s", applied).isTrue();
            if (i >= 0) {
                micros[i] = took;
                int at = i;
                applied.phasesMs().forEach((phase, ms) -> phases.computeIfAbsent(phase, p -> new long[runs])[at] = ms);
            }
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void report(int particles, String tier, long[] sorted, Map<String, long[]> phases) {
        StringBuilder medians = new StringBuilder();
        phases.forEach((phase, values) -> {
            long[] copy = values.clone();
            Arrays.sort(copy);
            medians.append(' ').append(phase).append(' ').append(copy[copy.length / 2]);
        });
        System.out.printf("BENCH %s, %d particles: p50 %.2f ms, p95 %.2f ms, max %.2f ms (%d runs); phase medians ms:%s%n", tier,
                particles, sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.95)] / 1000.0,
                sorted[sorted.length - 1] / 1000.0, sorted.length, medians);
    }

    /** Heap and metaspace in use after the collector has settled. */
    private static long[] settledMemory() {
        long heap = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            heap = Math.min(heap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        long meta = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                meta = pool.getUsage().getUsed();
            }
        }
        return new long[] {heap, meta};
    }
}
