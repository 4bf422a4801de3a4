package dev.hotframe.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time that processes have used, from /proc/PID/stat (Linux); 0 elsewhere. */
final class ProcessCpu {

    /** Clock ticks per second of /proc's utime and stime; 100 on every Linux this runs on. */
    private static final double MS_PER_TICK = 10.0;

    private ProcessCpu() {
    }

    /** User plus system CPU time of {@code pid} in ms, or 0 when it cannot be read. */
    static double ms(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(rest[11]) + Long.parseLong(rest[12])) * MS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The summed CPU time of {@code pids} in ms. */
    static double totalMs(List<Long> pids) {
        double total = 0;
        for (long pid : pids) {
            total += ms(pid);
        }
        return total;
    }
}
