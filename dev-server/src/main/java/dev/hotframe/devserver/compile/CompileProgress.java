package dev.hotframe.devserver.compile;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports how far a build of many files has got, one line per tenth: a big project's first
 * build takes seconds, and a silent terminal looks hung. Builds of fewer than
 * {@value #MIN_FILES} files say nothing.
 */
final class CompileProgress implements IntConsumer {

    private static final Logger log = LoggerFactory.getLogger(CompileProgress.class);
    static final int MIN_FILES = 200;

    private final int total;
    private final Consumer<String> out;
    private final long start = System.nanoTime();
    private int lastTenth;

    CompileProgress(int total) {
        this(total, log::info);
    }

    CompileProgress(int total, Consumer<String> out) {
        this.total = total;
        this.out = out;
        if (total >= MIN_FILES) {
            out.accept("compiling " + total + " source files...");
        }
    }

    /** Hears that javac has analysed {@code analyzed} files so far. */
    @Override
    public void accept(int analyzed) {
        if (total < MIN_FILES) {
            return;
        }
        int tenth = Math.min(10, analyzed * 10 / total);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            out.accept(String.format(Locale.ROOT, "compiling: %d%% (%d/%d files, %.1f s)", tenth * 10, analyzed, total,
                    (System.nanoTime() - start) / 1e9));
        }
    }
}
