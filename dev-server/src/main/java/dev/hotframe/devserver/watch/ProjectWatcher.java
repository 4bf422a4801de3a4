package dev.hotframe.devserver.watch;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeListener;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches folders and hands batches of changed paths to a consumer on the
 * {@code hotframe-batcher} thread. A lone save goes out at once, with no quiet window: when
 * nothing else is queued and the file is there and not empty, waiting would only add latency.
 * Everything else waits until the folders have been quiet for {@code quietMillis}: a burst (a
 * checkout, a refactoring), a deletion (vim deletes, then creates), an empty file (a save that
 * truncated and is still writing), a new folder. If a burst follows a batch that went out at
 * once, that batch's {@link ChangeBatch#newerChanges()} turns true, so its consumer can give it
 * up and take the burst as one. The watcher's own listener only enqueues. A lost event (an
 * inotify overflow surfaces as an exception) becomes an {@code overflow} batch, so nothing is
 * silently missed. Folders must exist when the watcher is built; ones that do not are skipped.
 */
public final class ProjectWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProjectWatcher.class);

    /** Bursts at least this big wait for {@link #burstQuietMillis}: a checkout's events can pause while javac has the CPU. */
    static final int BIG_BURST_PATHS = 20;
    static final long BIG_BURST_QUIET_MILLIS = 100;

    private record Event(Path path, long atMs, boolean overflow, boolean deletion) {
    }

    private final DirectoryWatcher watcher;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread batcher;
    private final long quietMillis;
    private final long burstQuietMillis;
    private volatile boolean closed;
    private AtomicBoolean lastEarlySuperseded = new AtomicBoolean();

    public ProjectWatcher(List<Path> folders, long quietMillis, Consumer<ChangeBatch> onBatch) throws IOException {
        this(folders, quietMillis, Math.max(quietMillis, BIG_BURST_QUIET_MILLIS), onBatch);
    }

    /** {@code burstQuietMillis} is the quiet window once a batch has {@value #BIG_BURST_PATHS} paths or lost events. */
    ProjectWatcher(List<Path> folders, long quietMillis, long burstQuietMillis, Consumer<ChangeBatch> onBatch)
            throws IOException {
        this.quietMillis = quietMillis;
        this.burstQuietMillis = burstQuietMillis;
        List<Path> existing = folders.stream().filter(Files::isDirectory).toList();
        this.watcher = DirectoryWatcher.builder()
                .paths(existing)
                .fileHashing(true)
                .listener(new DirectoryChangeListener() {
                    @Override
                    public void onEvent(DirectoryChangeEvent event) {
                        boolean overflow = event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW;
                        boolean deletion = event.eventType() == DirectoryChangeEvent.EventType.DELETE;
                        if (event.path() != null || overflow) {
                            events.add(new Event(event.path(), System.currentTimeMillis(), overflow, deletion));
                        }
                    }

                    @Override
                    public void onException(Exception e) {
                        lostEvents(e);
                    }
                })
                .build();
        this.batcher = new Thread(() -> batches(onBatch), "hotframe-batcher");
        this.batcher.setDaemon(true);
    }

    /** Starts watching. Returns once the watcher has registered every folder. */
    public void start() {
        watcher.watchAsync();
        batcher.start();
    }

    /** directory-watcher reports lost events (an inotify overflow) as an exception; any exception means a rescan. */
    void lostEvents(Exception e) {
        log.warn("file watcher lost events ({}); rescanning the project", e.toString());
        events.add(new Event(null, System.currentTimeMillis(), true, false));
    }

    private void batches(Consumer<ChangeBatch> onBatch) {
        while (!closed) {
            try {
                Event first = events.take();
                lastEarlySuperseded.set(true);
                Set<Path> paths = new HashSet<>();
                boolean overflow = add(first, paths);
                Event next;
                boolean alone = true;
                while ((next = events.poll()) != null) {
                    overflow |= add(next, paths);
                    alone = false;
                }
                if (alone && settled(first)) {
                    AtomicBoolean superseded = new AtomicBoolean();
                    lastEarlySuperseded = superseded;
                    onBatch.accept(new ChangeBatch(paths, first.atMs(), System.currentTimeMillis(), false, true,
                            () -> superseded.get() || !events.isEmpty() || closed));
                    continue;
                }
                while ((next = events.poll(quiet(paths, overflow), TimeUnit.MILLISECONDS)) != null) {
                    overflow |= add(next, paths);
                }
                onBatch.accept(new ChangeBatch(paths, first.atMs(), System.currentTimeMillis(), overflow));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("a change batch failed; the dev server keeps watching", e);
            }
        }
    }

    private long quiet(Set<Path> paths, boolean overflow) {
        return overflow || paths.size() >= BIG_BURST_PATHS ? burstQuietMillis : quietMillis;
    }

    /**
     * True when the event's file looks complete: it exists, is a regular file, and is not
     * empty. A deleted path may be back in a moment (vim), an empty file may still be being
     * written, and a new folder usually brings files; those wait for a quiet moment.
     */
    static boolean settled(Path path) {
        try {
            return path != null && Files.isRegularFile(path) && Files.size(path) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean settled(Event event) {
        return !event.overflow() && !event.deletion() && settled(event.path());
    }

    private static boolean add(Event event, Set<Path> paths) {
        if (event.path() != null) {
            paths.add(event.path().toAbsolutePath().normalize());
        }
        return event.overflow();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        watcher.close();
        batcher.interrupt();
    }
}
