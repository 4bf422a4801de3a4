package dev.hotframe.devserver.session;

import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.ViewerMessage;

/**
 * What happens on the hub, for observers such as the dashboard: viewers coming and going,
 * updates published, acks and replies arriving. Called on the hub's threads after the fact;
 * an observer must be quick and must not call back into the hub's publishing. A listener, so
 * that the session package knows nothing of who watches it.
 */
public interface HubEvents {

    default void viewerJoined(String viewerId) {
    }

    default void viewerLeft(String viewerId, String why) {
    }

    default void published(ServerMessage.Update update) {
    }

    default void acked(String viewerId, ViewerMessage.Ack ack) {
    }

    /** A viewer answered a request, or (an {@code undone} with a null id) undid on its own. */
    default void replied(String viewerId, ViewerMessage.Reply reply) {
    }
}
