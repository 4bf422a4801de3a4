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
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches folders and hands batches of changed paths to a consumer on the
 * {@code hotframe-batcher} thread. A lone save goes out at once, with no quiet window: when the
 * folders were quiet before it, nothing else is queued, and the file is there and not empty,
 * waiting would only add latency. A save through a temporary file (sed -i, IntelliJ's safe
 * write, vim) is a lone save too: a file created and gone again within the save does not count,
 * and the rename that follows its creation is waited for at most {@value #SETTLE_MILLIS} ms.
 * Everything else waits until the folders have been quiet for
 * {@code quietMillis}: the rest of a burst (a checkout, a refactoring, "save all"), a deletion
 * (vim deletes, then creates), an empty file (a save that truncated and is still writing), a
 * new folder. Big bursts wait longer ({@value #BIG_BURST_QUIET_MILLIS} ms by default), because
 * a checkout's events can pause while javac has the CPU. When more events follow a batch, in the
 * first {@value #SUPERSEDE_WINDOW_MILLIS} ms of a burst, that batch's
 * {@link ChangeBatch#newerChanges()} turns true, so its consumer can give it up and take the
 * rest of the burst with the next batch: a burst that pauses longer than the quiet window still
 * ends in one compile. The watcher's own listener only enqueues. A lost event
 * (an inotify overflow surfaces as an exception) becomes an {@code overflow} batch, so nothing is
 * silently missed. Folders must exist when the watcher is built; ones that do not are skipped.
 */
public final class ProjectWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProjectWatcher.class);

    /** How long into a burst newer events may still supersede a batch. */
    static final long SUPERSEDE_WINDOW_MILLIS = 2_000;
    /** Batches at least this big wait for the longer burst quiet window. */
    static final int BIG_BURST_PATHS = 20;
    /** How long a lone save whose file is still empty may take to be written before it counts as a burst. */
    static final long SETTLE_MILLIS = 25;
    static final long BIG_BURST_QUIET_MILLIS = 100;
    /** How recently a file must have been created for its deletion to make it an editor's temporary file. */
    static final long TEMPORARY_MILLIS = 2_000;
    /** How often single files outside the watched folders are checked. */
    static final long POLL_MILLIS = 500;

    private record Event(Path path, long atMs, boolean overflow, boolean deletion, boolean creation) {
    }

    private final DirectoryWatcher watcher;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread batcher;
    private Thread polled;
    private final long quietMillis;
    private final long burstQuietMillis;
    private volatile boolean closed;
    private AtomicBoolean previousSuperseded = new AtomicBoolean();
    private long lastEventAtMs;
    // Files created lately, by path, for telling an editor's temporary files; the batcher's own.
    private final java.util.Map<Path, Long> createdAtMs = new java.util.HashMap<>();
    private long burstStartMs;

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
                        boolean creation = event.eventType() == DirectoryChangeEvent.EventType.CREATE;
                        if (overflow) {
                            events.add(new Event(event.path(), System.currentTimeMillis(), true, false, false));
                        } else if (event.path() != null) {
                            events.add(new Event(event.path(), System.currentTimeMillis(), false, deletion, creation));
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
        if (polled != null) {
            polled.start();
        }
    }

    /**
     * Also reports changes to single {@code files} outside the watched folders (the project's
     * {@code pom.xml}), by checking their size and modification time every {@value #POLL_MILLIS}
     * ms: watching the project's root folder itself would watch {@code target/} too. Call before
     * {@link #start()}.
     */
    public ProjectWatcher alsoPoll(List<Path> files) {
        FileStamps stamps = new FileStamps(files);
        polled = new Thread(() -> {
            while (!closed) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                stamps.changed().forEach(f -> events.add(new Event(f, System.currentTimeMillis(), false, !Files.exists(f), false)));
            }
        }, "hotframe-poller");
        polled.setDaemon(true);
        return this;
    }

    /** Queues one reported change; a test calls it before {@link #start()} to line events up for the batcher. */
    void reported(Path path, boolean deletion) {
        events.add(new Event(path, System.currentTimeMillis(), false, deletion, false));
    }

    /** directory-watcher reports lost events (an inotify overflow) as an exception; any exception means a rescan. */
    void lostEvents(Exception e) {
        log.warn("file watcher lost events ({}); rescanning the project", e.toString());
        events.add(new Event(null, System.currentTimeMillis(), true, false, false));
    }

    private void batches(Consumer<ChangeBatch> onBatch) {
        while (!closed) {
            try {
                Event first = events.take();
                previousSuperseded.set(true);
                boolean idleBefore = first.atMs() - lastEventAtMs > quietMillis;
                if (idleBefore) {
                    burstStartMs = first.atMs();
                }
                Set<Path> paths = new HashSet<>();
                boolean overflow = add(first, paths);
                Event next;
                Event last = first;
                while ((next = events.poll()) != null) {
                    overflow |= add(next, paths);
                    last = next;
                }
                // One save of one file may already have queued several events (truncate, then write)
                // when this thread gets to run: it is still a lone save, judged by its latest event.
                // An editor's temporary file, created and gone within the save, does not count.
                boolean alone = !overflow && real(paths).size() <= 1;
                boolean early = alone && idleBefore && real(paths).size() == 1 && settled(lastOf(real(paths), last));
                if (!early && alone && idleBefore && real(paths).isEmpty()) {
                    // Only a temporary file so far (sed -i, IntelliJ, vim): its rename onto the real file follows at once.
                    long settle = Math.min(quietMillis, SETTLE_MILLIS);
                    while (real(paths).isEmpty() && (next = events.poll(settle, TimeUnit.MILLISECONDS)) != null) {
                        overflow |= add(next, paths);
                        last = next;
                    }
                    while (!overflow && real(paths).size() == 1 && (next = events.poll()) != null) {
                        overflow |= add(next, paths);
                        last = next;
                    }
                    early = !overflow && real(paths).size() == 1 && settled(lastOf(real(paths), last));
                }
                if (!early && alone && idleBefore && real(paths).size() == 1 && writing(last)) {
                    // A save that truncates first shows an empty file for a moment: give its write a short while.
                    long settle = Math.min(quietMillis, SETTLE_MILLIS);
                    while ((next = events.poll(settle, TimeUnit.MILLISECONDS)) != null && first.path().equals(next.path())) {
                        add(next, paths);
                        last = next;
                    }
                    if (next != null) {
                        overflow |= add(next, paths);
                    }
                    early = next == null && settled(last);
                }
                if (!early) {
                    while ((next = events.poll(quiet(paths, overflow), TimeUnit.MILLISECONDS)) != null) {
                        overflow |= add(next, paths);
                    }
                }
                onBatch.accept(new ChangeBatch(paths, first.atMs(), System.currentTimeMillis(), overflow, early,
                        supersession(first)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("a change batch failed; the dev server keeps watching", e);
            }
        }
    }

    /**
     * True, and then for good, once an event arrives after the batch: its work may be given up
     * and done with the next batch. Never true for batches later than {@value #SUPERSEDE_WINDOW_MILLIS}
     * ms into a burst, so that a stream of changes that never stops still gets compiled.
     */
    private BooleanSupplier supersession(Event first) {
        if (first.atMs() - burstStartMs > SUPERSEDE_WINDOW_MILLIS) {
            previousSuperseded = new AtomicBoolean();
            return () -> false;
        }
        AtomicBoolean superseded = new AtomicBoolean();
        previousSuperseded = superseded;
        return () -> superseded.get() || !events.isEmpty() || closed;
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

    /** True for an existing, still empty file: possibly mid-write rather than deleted or moved. */
    private static boolean writing(Event event) {
        return !event.overflow() && !event.deletion() && event.path() != null && Files.isRegularFile(event.path());
    }

    private static boolean settled(Event event) {
        return !event.overflow() && !event.deletion() && settled(event.path());
    }

    /**
     * The paths of {@code paths} that are not an editor's temporary file: one created in the last
     * {@value #TEMPORARY_MILLIS} ms and gone again (a save through a temporary file and a rename,
     * or a backup copy). A file that is gone but was there before the burst was deleted: it is real.
     */
    private Set<Path> real(Set<Path> paths) {
        Set<Path> real = new HashSet<>();
        long now = System.currentTimeMillis();
        for (Path path : paths) {
            Long created = createdAtMs.get(path);
            boolean temporary = created != null && now - created < TEMPORARY_MILLIS && !Files.exists(path);
            if (!temporary) {
                real.add(path);
            }
        }
        return real;
    }

    /** The real path, as an event: {@code last} when it is that path's, else a plain change of it. */
    private static Event lastOf(Set<Path> real, Event last) {
        Path path = real.iterator().next();
        return last.path() != null && last.path().toAbsolutePath().normalize().equals(path) ? last
                : new Event(path, last.atMs(), false, !Files.exists(path), false);
    }

    private boolean add(Event event, Set<Path> paths) {
        lastEventAtMs = Math.max(lastEventAtMs, event.atMs());
        if (event.creation() && event.path() != null) {
            createdAtMs.values().removeIf(at -> event.atMs() - at > TEMPORARY_MILLIS);
            createdAtMs.put(event.path().toAbsolutePath().normalize(), event.atMs());
        }
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
        if (polled != null) {
            polled.interrupt();
        }
    }
}
