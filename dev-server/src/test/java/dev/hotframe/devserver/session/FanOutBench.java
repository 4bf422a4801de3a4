package dev.hotframe.devserver.session;

import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.UpdateMeta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Time from publish to the last of 50 viewers holding an update, for a scene-sized update and
 * a code update with 40 KB of class bytes. Run: {@code mvn -Pbench -pl dev-server -am test -Dtest=FanOutBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
@Timeout(600)
class FanOutBench {

    private static final int VIEWERS = 50;
    private static final int WARMUP = 20;
    private static final int RUNS = 100;

    @Test
    void timeToTheLastOfFiftyViewers() throws Exception {
        try (RunningHub running = new RunningHub()) {
            List<ViewerClient> viewers = new ArrayList<>();
            for (int i = 0; i < VIEWERS; i++) {
                ViewerClient viewer = running.join("bench-" + i);
                viewer.nextMessage();
                viewers.add(viewer);
            }
            Random random = new Random(1);
            report("failed (no class bytes)", measure(running, viewers, RunningHub::failed));
            report("code, 4 classes x 10 KB", measure(running, viewers, seq -> code(seq, random)));
        }
    }

    private static long[] measure(RunningHub running, List<ViewerClient> viewers,
                                  java.util.function.LongFunction<? extends ServerMessage.Update> build) throws Exception {
        long[] micros = new long[RUNS];
        for (int run = -WARMUP; run < RUNS; run++) {
            long start = System.nanoTime();
            running.publish(build);
            for (ViewerClient viewer : viewers) {
                viewer.nextSkippingPings();
            }
            if (run >= 0) {
                micros[run] = (System.nanoTime() - start) / 1_000;
            }
        }
        Arrays.sort(micros);
        return micros;
    }

    private static ServerMessage.Update code(long seq, Random random) {
        List<ClassFile> classes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] bytes = new byte[10_000];
            random.nextBytes(bytes);
            classes.add(new ClassFile("demo.C" + i, bytes));
        }
        return new ServerMessage.CodeUpdate(new UpdateMeta(seq, List.of("src/main/java/demo/C0.java"), 0, Map.of()),
                Tier.REDEFINE, "method bodies changed", classes, List.of());
    }

    private static void report(String what, long[] sorted) {
        System.out.printf("fan-out to %d viewers, %s: p50 %.2f ms, p95 %.2f ms, max %.2f ms (%d runs)%n", VIEWERS, what,
                sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.95)] / 1000.0,
                sorted[sorted.length - 1] / 1000.0, sorted.length);
    }
}
