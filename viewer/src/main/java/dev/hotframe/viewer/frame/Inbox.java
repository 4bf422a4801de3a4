package dev.hotframe.viewer.frame;

import dev.hotframe.wire.ServerMessage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What other threads hand to the render loop: updates in the order offered, the dashboard's
 * requests, the connection's state and a stop. An update, a request or a stop wakes the loop from
 * its pause between frames. Made before the loop and the connection, so that each can be given
 * the other's end without a forward reference. Thread-safe.
 */
public final class Inbox {

    /** An update and the id of the server run that sent it, or null when not known. */
    record Incoming(String server, ServerMessage.Update update) {
    }

    private final ConcurrentLinkedQueue<Incoming> updates = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ServerMessage.Request> requests = new ConcurrentLinkedQueue<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile String connection;
    private volatile boolean stopping;

    /** Hands over an update from a server whose run is not known; the loop applies it before the next frame. */
    public void offer(ServerMessage.Update update) {
        offer(null, update);
    }

    /** Hands over an update that the server run {@code server} sent; the loop applies it before the next frame. */
    public void offer(String server, ServerMessage.Update update) {
        updates.add(new Incoming(server, update));
        wake.release();
    }

    /** Hands over a dashboard request; the loop answers it between frames. */
    public void request(ServerMessage.Request request) {
        requests.add(request);
        wake.release();
    }

    /** The connection's state ({@code "connected"}, ...), for the title and the HUD. */
    public void connection(String state) {
        connection = state;
    }

    /** Asks the loop to end after the frame it is drawing. */
    public void stop() {
        stopping = true;
        wake.release();
    }

    boolean stopping() {
        return stopping;
    }

    /** The next update, or null. */
    Incoming nextUpdate() {
        return updates.poll();
    }

    /** Passes every waiting request to {@code to}. */
    void drainRequests(Consumer<ServerMessage.Request> to) {
        ServerMessage.Request request;
        while ((request = requests.poll()) != null) {
            to.accept(request);
        }
    }

    /** The connection state given since the last call, or null. */
    String takeConnection() {
        String state = connection;
        if (state != null) {
            connection = null;
        }
        return state;
    }

    /** Waits up to {@code nanos}, or less when something wakes the loop. */
    void pause(long nanos) throws InterruptedException {
        if (wake.tryAcquire(nanos, TimeUnit.NANOSECONDS)) {
            wake.drainPermits();
        }
    }
}
