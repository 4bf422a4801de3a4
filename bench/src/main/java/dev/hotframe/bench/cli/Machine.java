package dev.hotframe.bench.cli;

import dev.hotframe.bench.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the numbers came from: cores, memory, OS, JDK, commit and load. */
final class Machine {

    private Machine() {
    }

    static Report describe(Report report, Path root) {
        return report.fact("machine", Runtime.getRuntime().availableProcessors() + " cores, " + memTotal() + ", "
                        + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"))
                .fact("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
                .fact("commit", commit(root))
                .fact("load average at the start", loadAverage());
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.substring(9).replace("kB", "").strip());
                    return String.format("%.0f GB RAM", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "RAM unknown";
        }
        return "RAM unknown";
    }

    private static String commit(Path root) {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).strip();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
