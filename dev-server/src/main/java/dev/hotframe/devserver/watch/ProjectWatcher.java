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
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches folders and hands each burst of changes, once it has been quiet for
 * {@code quietMillis}, to a consumer on the {@code hotframe-batcher} thread. The watcher's own
 * listener only enqueues. A lost event (an inotify overflow surfaces as an exception) turns
 * into an {@code overflow} batch, so nothing is silently missed. Folders must exist when the
 * watcher is built; ones that do not are skipped (the dev server creates its folders first).
 */
public final class ProjectWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProjectWatcher.class);

    private record Event(Path path, long atMs, boolean overflow) {
    }

    private final DirectoryWatcher watcher;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread batcher;
    private final long quietMillis;
    private volatile boolean closed;

    public ProjectWatcher(List<Path> folders, long quietMillis, Consumer<ChangeBatch> onBatch) throws IOException {
        this.quietMillis = quietMillis;
        List<Path> existing = folders.stream().filter(Files::isDirectory).toList();
        this.watcher = DirectoryWatcher.builder()
                .paths(existing)
                .fileHashing(true)
                .listener(new DirectoryChangeListener() {
                    @Override
                    public void onEvent(DirectoryChangeEvent event) {
                        boolean overflow = event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW;
                        if (event.path() != null || overflow) {
                            events.add(new Event(event.path(), System.currentTimeMillis(), overflow));
                        }
                    }

                    @Override
                    public void onException(Exception e) {
                        log.warn("file watcher lost events ({}); rescanning the project", e.toString());
                        events.add(new Event(null, System.currentTimeMillis(), true));
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

    private void batches(Consumer<ChangeBatch> onBatch) {
        while (!closed) {
            try {
                Event first = events.take();
                Set<Path> paths = new HashSet<>();
                boolean overflow = add(first, paths);
                Event next;
                while ((next = events.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
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
