package dev.hotframe.devserver.session;

import dev.hotframe.wire.AssetFile;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.HeldAssets;
import dev.hotframe.wire.ViewerMessage;
import io.javalin.websocket.WsContext;
import java.nio.ByteBuffer;
import dev.hotframe.wire.HeldClasses;
import dev.hotframe.wire.ServerMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected viewer that has said hello: its socket, who it is, the class and asset bytes it holds,
 * the last update it acknowledged and when it was last heard from. Sends happen under the
 * hub's order lock.
 */
final class ViewerLink {

    private static final Logger log = LoggerFactory.getLogger(ViewerLink.class);

    private final WsContext ctx;
    private final ViewerMessage.Hello hello;
    private final HeldClasses held;
    private final HeldAssets heldAssets;
    private final long connectedAtMs = System.currentTimeMillis();
    private volatile long lastAckedSeq;
    private volatile ViewerMessage.Ack lastAck;
    /** How many old generations of the app the viewer still holds, as its last ack that counted them said; null until one does. */
    private volatile Integer leakedGenerations;
    private volatile long lastHeardMs = System.currentTimeMillis();

    ViewerLink(WsContext ctx, ViewerMessage.Hello hello) {
        this.ctx = ctx;
        this.hello = hello;
        this.held = new HeldClasses(hello.have());
        this.heldAssets = new HeldAssets(hello.assets());
    }

    String id() {
        return hello.viewerId();
    }

    ViewerMessage.Hello hello() {
        return hello;
    }

    String remote() {
        return String.valueOf(ctx.session.getRemoteSocketAddress());
    }

    long lastHeardMs() {
        return lastHeardMs;
    }

    void heard() {
        lastHeardMs = System.currentTimeMillis();
    }

    void acked(ViewerMessage.Ack ack) {
        lastAck = ack;
        if (ack.leakedGenerations() != null) {
            leakedGenerations = ack.leakedGenerations();
        }
        lastAckedSeq = Math.max(lastAckedSeq, ack.seq());
    }

    /** The classes among {@code classes} whose bytes this viewer does not hold. */
    List<ClassFile> missing(List<ClassFile> classes) {
        return held.missing(classes);
    }

    /** The assets among {@code assets} whose bytes this viewer does not hold. */
    List<AssetFile> missingAssets(List<AssetFile> assets) {
        return assets.isEmpty() ? List.of() : heldAssets.missing(assets);
    }

    /** Follows the viewer's bookkeeping of held classes and assets after it was sent {@code update}. */
    void sent(ServerMessage.Update update) {
        held.apply(update);
        heldAssets.apply(update);
    }

    /** Whether the viewer's hello listed {@code capability}. */
    boolean can(String capability) {
        return hello.capabilities().contains(capability);
    }

    /** What {@code /status} shows of this viewer. */
    Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id());
        d.put("remote", remote());
        d.put("host", ctx.session.getRemoteSocketAddress() instanceof java.net.InetSocketAddress a ? a.getHostString() : remote());
        d.put("jdk", hello.jdk());
        d.put("backend", hello.capabilities().stream().filter(c -> c.startsWith("backend:")).map(c -> c.substring(8))
                .findFirst().orElse("unknown"));
        d.put("capabilities", hello.capabilities());
        d.put("connectedAtMs", connectedAtMs);
        d.put("lastAckedSeq", lastAckedSeq);
        d.put("leakedGenerations", leakedGenerations);
        ViewerMessage.Ack ack = lastAck;
        d.put("lastAck", ack == null ? null : Map.of("seq", ack.seq(), "ok", ack.ok(), "tier", ack.tier(), "phasesMs", ack.phasesMs()));
        return d;
    }

    /** Sends a text frame; a failed send is logged with the viewer's id (the close handler cleans up). */
    void send(String text) {
        ctx.session.sendText(text, callback());
    }

    /** Sends a binary frame. */
    void send(byte[] frame) {
        ctx.session.sendBinary(ByteBuffer.wrap(frame), callback());
    }

    void close(int code, String reason) {
        ctx.closeSession(code, reason);
    }

    private Callback callback() {
        return Callback.from(() -> { }, error -> log.debug("send to viewer {} failed: {}", hello.viewerId(), error.toString()));
    }
}
