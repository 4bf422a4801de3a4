package dev.hotframe.bench.scale;

import dev.hotframe.bench.live.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap and metaspace in use by another JVM, read with {@code jcmd PID GC.heap_info} after
 * {@code GC.run}; the minimum over several collections, since one collection may leave garbage.
 */
public record JvmMemory(double heapMb, double metaspaceMb) {

    private static final Pattern HEAP = Pattern.compile("(?m)^\\s*\\S.*?heap\\s+total (?:reserved )?\\d+K, (?:committed \\d+K, )?used (\\d+)K");
    private static final Pattern META = Pattern.compile("(?m)^\\s*Metaspace\\s+used (\\d+)K");

    public static JvmMemory of(long pid, int collections) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        double heap = Double.MAX_VALUE;
        double meta = Double.MAX_VALUE;
        for (int i = 0; i < collections; i++) {
            Processes.run(Path.of("."), List.of(jcmd, Long.toString(pid), "GC.run"), 60);
            JvmMemory now = parse(Processes.run(Path.of("."), List.of(jcmd, Long.toString(pid), "GC.heap_info"), 60));
            heap = Math.min(heap, now.heapMb);
            meta = Math.min(meta, now.metaspaceMb);
        }
        return new JvmMemory(heap, meta);
    }

    static JvmMemory parse(String heapInfo) {
        Matcher heap = HEAP.matcher(heapInfo);
        Matcher meta = META.matcher(heapInfo);
        if (!heap.find() || !meta.find()) {
            throw new IllegalArgumentException("jcmd GC.heap_info printed no heap or Metaspace 'used' figure:\n" + heapInfo);
        }
        return new JvmMemory(Long.parseLong(heap.group(1)) / 1024.0, Long.parseLong(meta.group(1)) / 1024.0);
    }
}
