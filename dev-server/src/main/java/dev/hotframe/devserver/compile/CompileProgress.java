package dev.hotframe.devserver.compile;

import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how far a build of many files has got, one line per tenth: a big project's first build
 * takes seconds, and a silent terminal looks hung. Small builds say nothing.
 */
final class CompileProgress implements IntConsumer {

    private static final Logger log = LoggerFactory.getLogger(CompileProgress.class);
    /** Builds of fewer files finish too fast to need progress lines. */
    static final int MIN_FILES = 200;

    private final int total;
    private final long start = System.nanoTime();
    private int lastTenth;

    CompileProgress(int total) {
        this.total = total;
        if (total >= MIN_FILES) {
            log.info("compiling {} source files...", total);
        }
    }

    @Override
    public void accept(int analyzed) {
        if (total < MIN_FILES) {
            return;
        }
        int tenth = Math.min(10, analyzed * 10 / total);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            log.info("compiling: {}% ({}/{} files, {} s)", tenth * 10, analyzed, total,
                    String.format("%.1f", (System.nanoTime() - start) / 1e9));
        }
    }
}
