package dev.hotframe.devserver.session;

import dev.hotframe.wire.Blobs;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.ServerMessage;
import java.util.List;

/**
 * One update encoded once for every viewer: its JSON text and, built on first need, the binary
 * frames with all its class bytes. A viewer that already holds some of them gets frames of
 * only the rest.
 */
final class Outgoing {

    final ServerMessage.Update message;
    final String text;
    private final List<ClassFile> classes;
    private final int maxFrameBytes;
    private List<byte[]> allFrames;

    Outgoing(ServerMessage.Update message, String text, int maxFrameBytes) {
        this.message = message;
        this.text = text;
        this.classes = classesOf(message);
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Sends this update to {@code link}: the class bytes it lacks, then the text. */
    void deliver(ViewerLink link) {
        List<ClassFile> missing = link.missing(classes);
        if (!missing.isEmpty()) {
            List<byte[]> frames = missing.size() == classes.size() ? allFrames() : Blobs.encode(missing, maxFrameBytes);
            frames.forEach(link::send);
        }
        link.send(text);
        link.sent(message);
    }

    private List<byte[]> allFrames() {
        if (allFrames == null) {
            allFrames = Blobs.encode(classes, maxFrameBytes);
        }
        return allFrames;
    }

    static List<ClassFile> classesOf(ServerMessage.Update message) {
        if (message instanceof ServerMessage.Snapshot snapshot) {
            return snapshot.classes();
        }
        if (message instanceof ServerMessage.CodeUpdate code) {
            return code.classes();
        }
        return List.of();
    }
}
