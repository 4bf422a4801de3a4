package dev.hotframe.devserver.session;

import dev.hotframe.wire.ViewerMessage;
import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One connected viewer that has said hello: its socket, who it is, and the last update it acknowledged. */
final class ViewerLink {

    private static final Logger log = LoggerFactory.getLogger(ViewerLink.class);

    private final WsContext ctx;
    private final ViewerMessage.Hello hello;
    private volatile long lastAckedSeq;

    ViewerLink(WsContext ctx, ViewerMessage.Hello hello) {
        this.ctx = ctx;
        this.hello = hello;
    }

    String id() {
        return hello.viewerId();
    }

    ViewerMessage.Hello hello() {
        return hello;
    }

    long lastAckedSeq() {
        return lastAckedSeq;
    }

    void acked(long seq) {
        lastAckedSeq = Math.max(lastAckedSeq, seq);
    }

    /** Sends a text frame; a failed send is logged with the viewer's id (the close handler cleans up). */
    void send(String text) {
        ctx.session.sendText(text, Callback.from(() -> { }, error ->
                log.debug("send to viewer {} failed: {}", hello.viewerId(), error.toString())));
    }
}
