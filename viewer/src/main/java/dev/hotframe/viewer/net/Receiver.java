package dev.hotframe.viewer.net;

import dev.hotframe.wire.ServerMessage;
import java.util.function.Consumer;

/**
 * Where a {@link ServerConnection} hands on what it gets: every update once in sequence order,
 * the dashboard's requests, its state for the title and the HUD, and the reason when the server
 * refused this viewer and retrying cannot help. Called on the connection's threads; none may block.
 */
public record Receiver(Consumer<ServerMessage.Update> updates, Consumer<ServerMessage.Request> requests,
                       Consumer<ServerConnection.State> states, Consumer<String> refusals) {
}
