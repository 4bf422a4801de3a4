package dev.hotframe.viewer.net;

import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.UpdateHeader;
import dev.hotframe.wire.ViewerMessage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the viewer does with each message on one link, on the listener's thread: a welcome resets
 * the backoff and the silence limit, a refusal is kept for the close that follows, a ping is
 * answered, an update goes to the {@link UpdateStream} (a gap resynchronizes), a request is handed on.
 */
final class Dispatch implements ServerMessage.Handler<Void> {

    private static final Logger log = LoggerFactory.getLogger(Dispatch.class);

    private final ServerAddress from;
    private final Reconnector reconnector;
    private final UpdateStream updates;
    private final Receiver receiver;
    private final Consumer<ViewerMessage> send;
    private final Runnable resync;
    private volatile String refusal;

    /** @param from the server this link reached, where the libraries its updates name are fetched from */
    Dispatch(ServerAddress from, Reconnector reconnector, UpdateStream updates, Receiver receiver,
             Consumer<ViewerMessage> send, Runnable resync) {
        this.from = from;
        this.reconnector = reconnector;
        this.updates = updates;
        this.receiver = receiver;
        this.send = send;
        this.resync = resync;
    }

    /** Why the server refused this viewer, as its {@code refused} message said, or null. */
    String refusal() {
        return refusal;
    }

    @Override
    public Void welcome(ServerMessage.Welcome welcome) {
        reconnector.welcomed(welcome.pingSeconds());
        long last = updates.welcomed(welcome);
        log.info("connected to the dev server (protocol {}, {}{})", welcome.protocol(), welcome.resume(),
                welcome.resume().equals(ServerMessage.Welcome.CATCH_UP) ? " from #" + last + " to #" + welcome.seq() : "");
        receiver.states().accept(ServerConnection.State.CONNECTED);
        return null;
    }

    @Override
    public Void refused(ServerMessage.Refused refused) {
        refusal = refused.reason() + " (the server speaks " + refused.serverProtocols() + ", this viewer "
                + Protocol.SUPPORTED + ")";
        log.warn("the dev server refused this viewer: {}", refusal);
        return null;
    }

    @Override
    public Void ping(ServerMessage.Ping ping) {
        send.accept(new ViewerMessage.Pong(ping.sentAtMs()));
        return null;
    }

    @Override
    public Void update(ServerMessage.Update update) {
        if (updates.accept(update, from) == Resume.Verdict.GAP) {
            resync.run();
        }
        return null;
    }

    /** An update this viewer cannot decode: reported once as failed, and the stream goes on after it. */
    void unreadable(UpdateHeader header, String why) {
        if (updates.unreadable(header, why) == Resume.Verdict.GAP) {
            resync.run();
        }
    }

    @Override
    public Void request(ServerMessage.Request request) {
        receiver.requests().accept(request);
        return null;
    }
}
