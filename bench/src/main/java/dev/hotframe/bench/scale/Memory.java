package dev.hotframe.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Machine and process memory from /proc (Linux); elsewhere an assumption that says so. */
final class Memory {

    private Memory() {
    }

    /** MemAvailable in MB, or a large number when /proc/meminfo cannot be read (not Linux). */
    static long availableMb() {
        return field(Path.of("/proc/meminfo"), "MemAvailable:", Long.MAX_VALUE / 1024) / 1024;
    }

    /** A process's resident set in MB, or 0 when unknown. */
    static double rssMb(long pid) {
        return field(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:", 0) / 1024.0;
    }

    private static long field(Path file, String name, long otherwise) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return otherwise;
        }
        return otherwise;
    }
}
