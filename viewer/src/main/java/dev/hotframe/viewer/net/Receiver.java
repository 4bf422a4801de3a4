package dev.hotframe.viewer.net;

import dev.hotframe.wire.ServerMessage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where a {@link ServerConnection} hands on what it gets: every update once in sequence order
 * with the id of the server run that sent it,
 * the dashboard's requests, its state for the title and the HUD, and the reason when the server
 * refused this viewer and retrying cannot help. Called on the connection's threads; none may block.
 */
public record Receiver(BiConsumer<String, ServerMessage.Update> updates, Consumer<ServerMessage.Request> requests,
                       Consumer<ServerConnection.State> states, Consumer<String> refusals) {
}
