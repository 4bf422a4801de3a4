package dev.hotframe.devserver.session;

import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every update the publisher numbered to every viewer, in sequence order, and lets
 * viewers join: a joiner gets {@code welcome} and then the updates it missed (from a bounded
 * log) or a snapshot and the updates after it. Joining and fanning out are ordered by one lock,
 * so a viewer never misses or repeats an update. The connections themselves are
 * {@link ViewerSocket}'s.
 */
public final class UpdateHub {

    private static final Logger log = LoggerFactory.getLogger(UpdateHub.class);

    private final HubSettings settings;
    private final Supplier<ServerMessage.Snapshot> snapshots;
    private final WireCodec codec;
    private final String serverId = newServerId();
    private final Map<String, ViewerLink> viewers = new ConcurrentHashMap<>();
    private final Object order = new Object();
    private final UpdateLog updates;
    private final List<HubEvents> listeners = new CopyOnWriteArrayList<>();
    private long seq;

    /**
     * @param snapshots the published state a joining viewer gets, stamped with its sequence number; it may lag
     *                  what was fanned out, never run ahead of it
     */
    public UpdateHub(HubSettings settings, Supplier<ServerMessage.Snapshot> snapshots) {
        this.settings = settings;
        this.snapshots = snapshots;
        this.codec = new WireCodec(settings.limits()).warmInBackground();
        this.updates = new UpdateLog(settings.limits().logSize());
    }

    /** This server's identity; a restarted server has a new one, so viewers know to resynchronize. */
    public String serverId() {
        return serverId;
    }

    /**
     * Sends an update, numbered by the publisher, to every viewer and keeps it for viewers that
     * catch up. An update too large to send goes out as a failure that says so.
     */
    public void fanOut(ServerMessage.Update update) {
        Outgoing out;
        synchronized (order) {
            out = encode(update);
            updates.add(out.message);
            seq = out.message.meta().seq();
            viewers.values().forEach(out::deliver);
        }
        tell(l -> l.published(out.message));
    }

    /** Tells {@code listener} about every later event on the hub. */
    public void listen(HubEvents listener) {
        listeners.add(listener);
    }

    /** Sends a request to every viewer (an {@code undo}); returns how many it went to. */
    public int broadcast(ServerMessage.Request request) {
        return broadcast(request, null);
    }

    /**
     * Sends a request to every viewer whose hello lists {@code capability} (every viewer when it
     * is null), so that an older viewer never sees a type it would close on; returns how many it went to.
     */
    public int broadcast(ServerMessage.Request request, String capability) {
        String text = codec.encode(request);
        synchronized (order) {
            List<ViewerLink> able = viewers.values().stream().filter(link -> capability == null || link.can(capability)).toList();
            able.forEach(link -> link.send(text));
            return able.size();
        }
    }

    /** Sends a request to the viewer with this id; false when no such viewer is connected. */
    public boolean send(String viewerId, ServerMessage.Request request) {
        String text = codec.encode(request);
        synchronized (order) {
            Optional<ViewerLink> link = viewers.values().stream().filter(v -> v.id().equals(viewerId)).findFirst();
            link.ifPresent(l -> l.send(text));
            return link.isPresent();
        }
    }

    /** What {@code /status} shows of each connected viewer: id, host, JDK, backend, capabilities, last ack. */
    public List<Map<String, Object>> viewers() {
        return viewers.values().stream().map(ViewerLink::describe).toList();
    }

    /** The sequence number of the last update fanned out. */
    public long seq() {
        synchronized (order) {
            return seq;
        }
    }

    /** The number of viewers that have said hello and are connected. */
    public int viewerCount() {
        return viewers.size();
    }

    HubSettings settings() {
        return settings;
    }

    WireCodec codec() {
        return codec;
    }

    /** The viewer on this websocket session, or null before its hello. */
    ViewerLink link(String sessionId) {
        return viewers.get(sessionId);
    }

    /**
     * Sends {@code link} its welcome and what it missed, then makes it a receiver of every later
     * update; {@code greeted} runs just before, under the same lock.
     */
    void join(ViewerLink link, String sessionId, int version, Runnable greeted) {
        ViewerMessage.Hello hello = link.hello();
        String resume;
        synchronized (order) {
            Optional<List<ServerMessage.Update>> missed = serverId.equals(hello.serverId())
                    ? updates.since(hello.lastSeq(), seq) : Optional.empty();
            resume = missed.isPresent() ? ServerMessage.Welcome.CATCH_UP : ServerMessage.Welcome.SNAPSHOT;
            ServerMessage.Snapshot snapshot = missed.isPresent() ? null : snapshots.get();
            long from = snapshot == null ? seq : snapshot.meta().seq();
            link.send(codec.encode(new ServerMessage.Welcome(version, serverId, from, resume, settings.limits(),
                    (int) Math.max(1, settings.pingMillis() / 1000), version())));
            if (snapshot != null) {
                encode(snapshot).deliver(link);
                // The snapshot may lag by the update being fanned out right now; that one is in the log.
                missed = Optional.of(updates.since(from, seq).orElseThrow(() -> new IllegalStateException(
                        "a snapshot at #" + from + " is older than the update log, which starts after it; hub at #" + seq)));
            }
            missed.get().forEach(update -> encode(update).deliver(link));
            greeted.run();
            viewers.put(sessionId, link);
        }
        log.info("viewer {} connected from {} (JDK {}, {} from #{})", hello.viewerId(), link.remote(), hello.jdk(), resume,
                hello.lastSeq());
        tell(l -> l.viewerJoined(hello.viewerId()));
    }

    /** The connection closed with this code and reason (null when none). */
    void left(String sessionId, int status, String reason) {
        ViewerLink gone = viewers.remove(sessionId);
        if (gone != null) {
            log.info("viewer {} disconnected ({} {})", gone.id(), status, reason == null ? "" : reason);
            tell(l -> l.viewerLeft(gone.id(), status + (reason == null ? "" : " " + reason)));
        }
    }

    /** Stops sending to a connection that is being closed for misbehaving. */
    void forget(String sessionId) {
        viewers.remove(sessionId);
    }

    void acked(ViewerLink link, ViewerMessage.Ack ack) {
        link.acked(ack);
        tell(l -> l.acked(link.id(), ack));
        if (ack.ok()) {
            log.debug("viewer {} applied #{} ({}) at {}", link.id(), ack.seq(), ack.tier(), ack.renderedAtMs());
        } else {
            log.warn("viewer {} could not apply #{}: {}", link.id(), ack.seq(), ack.error());
        }
    }

    void replied(ViewerLink link, ViewerMessage.Reply reply) {
        tell(l -> l.replied(link.id(), reply));
    }

    /** Pings every viewer and drops the ones not heard from for {@code silence} ms. */
    void pingOrDrop(long now, long silence) {
        String ping = codec.encode(new ServerMessage.Ping(now));
        synchronized (order) {
            for (ViewerLink link : viewers.values()) {
                if (now - link.lastHeardMs() > silence) {
                    log.warn("viewer {} stopped answering; dropping it", link.id());
                    link.close(Protocol.CLOSE_TIMEOUT, "no answer to " + Protocol.PINGS_BEFORE_TIMEOUT + " pings");
                } else {
                    link.send(ping);
                }
            }
        }
    }

    private void tell(Consumer<HubEvents> event) {
        for (HubEvents listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.error("a hub listener failed; the hub carries on", e);
            }
        }
    }

    private Outgoing encode(ServerMessage.Update message) {
        return Outgoing.of(message, codec);
    }

    private static String version() {
        String v = UpdateHub.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static String newServerId() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    List<String> viewerIds() {
        return viewers.values().stream().map(ViewerLink::id).toList();
    }
}
