package dev.hotframe.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Diff and patch of a 10,000-node scene with one property changed, as the server and viewer do
 * it: the new tree comes from parsing (it shares no objects with the old one; two parsed trees
 * alternate, so parsing is timed apart and its garbage does not land in the diff), the diff finds
 * one op, the patch applies it. Run: {@code mvn -q -o -Pbench -pl protocol -am test -Dtest=SceneDiffBench
 * -Dsurefire.failIfNoSpecifiedTests=false}. Prints p50 and p95 of wall time, and of the thread's CPU
 * time, which other processes on a busy machine disturb less; asserts only the op count.
 */
@Tag("bench")
class SceneDiffBench {

    private static final int ROWS = 100;
    private static final int PER_ROW = 99;
    private static final int WARMUP = 200;
    private static final int RUNS = 500;

    @Test
    void diffAndPatchOfTenThousandNodesWithOnePropertyChanged() throws SceneError {
        String before = scene(-1);
        String after = scene(4_321);
        SceneNode a = SceneParser.parse("scenes/big.json", before);
        SceneNode b = SceneParser.parse("scenes/big.json", after);
        assertThat(a.nodeCount()).isEqualTo(1 + ROWS * (1 + PER_ROW));
        assertThat(SceneDiff.diff(a, b)).hasSize(1);

        SceneNode[] fresh = {SceneParser.parse("scenes/big.json", after), SceneParser.parse("scenes/big.json", after)};
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] cpuBoth = new long[RUNS];
        long[] diff = new long[RUNS];
        long[] patch = new long[RUNS];
        long[] parse = new long[RUNS];
        long[] floor = new long[RUNS];
        SceneNode[] same = {SceneParser.parse("scenes/big.json", before), SceneParser.parse("scenes/big.json", before)};
        for (int i = -WARMUP; i < RUNS; i++) {
            long t0 = System.nanoTime();
            SceneParser.parse("scenes/big.json", after);
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            List<PatchOp> ops = SceneDiff.diff(a, fresh[i & 1]);
            long t2 = System.nanoTime();
            SceneNode patched = ScenePatcher.apply(a, ops);
            long t3 = System.nanoTime();
            long c3 = cpu.getCurrentThreadCpuTime();
            long t4 = System.nanoTime();
            boolean equal = a.equals(same[i & 1]);
            long t5 = System.nanoTime();
            if (patched.nodeCount() != a.nodeCount() || !equal) {
                throw new AssertionError("patch lost nodes");
            }
            if (i >= 0) {
                parse[i] = t1 - t0;
                diff[i] = t2 - t1;
                patch[i] = t3 - t2;
                cpuBoth[i] = c3 - c1;
                floor[i] = t5 - t4;
            }
        }
        long[] both = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            both[i] = diff[i] + patch[i];
        }
        System.out.printf(Locale.ROOT, "%nscene diff+patch, %,d nodes, one property changed (%d runs after %d warm-up)%n",
                a.nodeCount(), RUNS, WARMUP);
        System.out.printf(Locale.ROOT, "| step | p50 ms | p95 ms |%n|---|---|---|%n");
        row("diff", diff);
        row("patch", patch);
        row("diff + patch", both);
        row("diff + patch, CPU time of the thread", cpuBoth);
        row("equals of two equal trees (the floor of any exact diff)", floor);
        row("parse (for scale)", parse);
    }

    private static void row(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f |%n", name, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6);
    }

    /** A column of rows of cards; {@code changed} (a card number, or -1) gets another fill. */
    private static String scene(int changed) {
        StringBuilder out = new StringBuilder("{ \"id\": \"root\", \"type\": \"column\", \"gap\": 2, \"children\": [\n");
        int card = 0;
        for (int r = 0; r < ROWS; r++) {
            out.append("  { \"id\": \"row").append(r).append("\", \"type\": \"row\", \"gap\": 2, \"children\": [\n");
            for (int c = 0; c < PER_ROW; c++, card++) {
                out.append("    { \"id\": \"card").append(card).append("\", \"type\": \"rect\", \"w\": 8, \"h\": 8, \"radius\": 2, \"fill\": \"")
                        .append(card == changed ? "#FF3366" : "#3366FF").append("\" },\n");
            }
            out.append("  ] },\n");
        }
        return out.append("] }\n").toString();
    }

}
