package dev.hotframe.viewer.session;

import dev.hotframe.viewer.net.ServerConnection;
import dev.hotframe.wire.ViewerMessage;

/** Where the frame loop's acks and replies go: out on the connection, and past {@code --exit-after}'s count. */
final class Outbox {

    private final ServerConnection connection;
    private final ExitAfter exits;

    Outbox(ServerConnection connection, ExitAfter exits) {
        this.connection = connection;
        this.exits = exits;
    }

    void send(ViewerMessage message) {
        connection.send(message);
        exits.count(message);
    }
}
