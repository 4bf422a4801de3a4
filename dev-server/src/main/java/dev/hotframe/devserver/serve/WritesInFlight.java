package dev.hotframe.devserver.serve;

import dev.hotframe.wire.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a file that does not parse or compile because an editor was still writing it (a save in
 * place truncates, then writes) from one that is really broken: after a moment's settle, a file
 * whose content changed since the pipeline read it was being written, and its errors are not
 * believed. The pipeline's thread only.
 */
final class WritesInFlight {

    private static final Logger log = LoggerFactory.getLogger(WritesInFlight.class);

    /** How long a writer gets to finish a file that did not parse or compile, before the error is believed. */
    static final long SETTLE_MILLIS = 30;
    /** How often a file that keeps changing under the parser is read again; its next save brings a new batch anyway. */
    static final int TRIES = 3;

    private final Path root;
    private final SeenFiles seen;
    private final Runnable settle;

    /** @param settle waits a moment for a writer to finish */
    WritesInFlight(Path root, SeenFiles seen, Runnable settle) {
        this.root = root;
        this.seen = seen;
        this.settle = settle;
    }

    /** Waits {@link #SETTLE_MILLIS}. */
    static void pause() {
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The files named by {@code errors} that changed while they were read, after the settle; they are to be read again. */
    List<Path> rewritten(List<Diagnostic> errors) {
        List<Path> files = errors.stream().map(Diagnostic::file).filter(f -> !f.isEmpty()).distinct()
                .map(f -> root.resolve(f).toAbsolutePath().normalize()).filter(seen::knows).toList();
        if (files.isEmpty()) {
            return List.of();
        }
        settle.run();
        List<Path> rewritten = files.stream().filter(seen::changed).toList();
        if (!rewritten.isEmpty()) {
            log.debug("{} changed while it was read; reading it again", rewritten);
        }
        return rewritten;
    }
}
