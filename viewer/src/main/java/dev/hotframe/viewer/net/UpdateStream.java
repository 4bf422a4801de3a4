package dev.hotframe.viewer.net;

import dev.hotframe.viewer.libs.LibraryCache;
import dev.hotframe.wire.Library;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.UpdateHeader;
import dev.hotframe.wire.ViewerMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's updates as this viewer follows them across connections: where it stands (for the
 * hello), whether an update is the next one, a duplicate or past a gap, the class and asset bytes
 * held, and the hand-off to the consumer in sequence order.
 *
 * <p>An update that names libraries the cache lacks waits for them on the thread
 * {@code hotframe-libraries}, and every later update waits behind it; the others are handed on
 * at once on the listener's thread. So a download of up to two minutes never keeps the listener
 * from answering pings and requests, and the frame loop still gets updates in order.
 */
final class UpdateStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UpdateStream.class);

    private final Resume resume = new Resume();
    private final BlobStore blobs;
    private final LibraryCache libraries;
    private final BiConsumer<String, ServerMessage.Update> onUpdate;
    private final ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hotframe-libraries");
        t.setDaemon(true);
        return t;
    });
    // Completes once every update accepted so far has been handed on; guarded by this.
    private CompletableFuture<Void> handedOn = CompletableFuture.completedFuture(null);

    /**
     * @param onUpdate receives every update once, in sequence order, with the id of the server run
     *                 that sent it (null when not known); it must not block
     */
    UpdateStream(BlobStore blobs, LibraryCache libraries, BiConsumer<String, ServerMessage.Update> onUpdate) {
        this.blobs = blobs;
        this.libraries = libraries;
        this.onUpdate = onUpdate;
    }

    /** The hello that resumes this stream: the server followed, the last update accepted and the bytes held. */
    synchronized ViewerMessage.Hello hello(String viewerId, List<String> capabilities) {
        return new ViewerMessage.Hello(Protocol.SUPPORTED, viewerId, Runtime.version().toString(), capabilities,
                resume.serverId(), resume.lastSeq(), blobs.held(), blobs.heldAssets());
    }

    /** Forgets the server, so the next hello gets a snapshot. */
    synchronized void forget() {
        resume.forget();
    }

    /** Follows {@code welcome}'s server from now on; returns the last update accepted, for the log. */
    synchronized long welcomed(ServerMessage.Welcome welcome) {
        resume.welcomed(welcome.serverId());
        return resume.lastSeq();
    }

    /**
     * Takes an update from the listener's thread. A snapshot always applies; another update applies
     * when it is the next one. What applies is handed on (see the class comment) and its libraries
     * are fetched from {@code from}. Returns the verdict: on a gap the caller resynchronizes.
     */
    synchronized Resume.Verdict accept(ServerMessage.Update update, ServerAddress from) {
        return accept(update, update instanceof ServerMessage.Snapshot, from);
    }

    /**
     * Takes the place of an update whose text could not be decoded: its failure, numbered as the
     * update was, so the stream goes on after it instead of asking for it again.
     */
    synchronized Resume.Verdict unreadable(UpdateHeader header, String why) {
        log.warn("cannot read update #{} from the dev server: {}; reporting it as failed and going on",
                header.meta().seq(), why);
        return accept(header.failure(why), header.snapshot(), null);
    }

    private Resume.Verdict accept(ServerMessage.Update update, boolean snapshot, ServerAddress from) {
        long seq = update.meta().seq();
        long last = resume.lastSeq();
        Resume.Verdict verdict = Resume.Verdict.APPLY;
        if (snapshot) {
            resume.snapshot(seq);
        } else {
            verdict = resume.next(seq);
        }
        if (verdict == Resume.Verdict.DUPLICATE) {
            log.debug("skipping #{}: already have #{}", seq, last);
        } else if (verdict == Resume.Verdict.GAP) {
            log.warn("update #{} follows #{}: one is missing; resynchronizing", seq, last);
        } else {
            blobs.accepted(update);
            handOn(resume.serverId(), update, from);
        }
        return verdict;
    }

    private void handOn(String server, ServerMessage.Update update, ServerAddress from) {
        List<Library> missing = from == null ? List.of()
                : librariesOf(update).stream().filter(library -> !libraries.has(library)).toList();
        if (missing.isEmpty() && handedOn.isDone()) {
            onUpdate.accept(server, update);
            return;
        }
        handedOn = handedOn.thenRunAsync(() -> fetchThenHandOn(server, update, missing, from), fetcher);
    }

    /** On the fetcher thread: never throws, so that the updates queued behind this one are still handed on. */
    private void fetchThenHandOn(String server, ServerMessage.Update update, List<Library> missing, ServerAddress from) {
        try {
            if (!missing.isEmpty()) {
                libraries.fetch(missing, from.url(), from.token(), from.httpClient());
            }
        } catch (RuntimeException e) {
            log.error("fetching the libraries of update #{} failed unexpectedly; it will fail naming them",
                    update.meta().seq(), e);
        }
        try {
            onUpdate.accept(server, update);
        } catch (RuntimeException e) {
            log.error("handing on update #{} failed unexpectedly", update.meta().seq(), e);
        }
    }

    /** The libraries an update needs in the cache: a snapshot's, or the new set of a code update that changes them. */
    private static List<Library> librariesOf(ServerMessage.Update update) {
        return update instanceof ServerMessage.Snapshot snapshot ? snapshot.libraries()
                : update instanceof ServerMessage.CodeUpdate code && code.libraries() != null ? code.libraries() : List.of();
    }

    /** Stops fetching; updates still waiting for a library are dropped (the viewer is closing). */
    @Override
    public void close() {
        fetcher.shutdownNow();
    }
}
