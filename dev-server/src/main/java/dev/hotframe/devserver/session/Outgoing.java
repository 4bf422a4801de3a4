package dev.hotframe.devserver.session;

import dev.hotframe.wire.AssetFile;
import dev.hotframe.wire.Blob;
import dev.hotframe.wire.BlobChunks;
import dev.hotframe.wire.Blobs;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.Limits;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.WireCodec;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One update encoded once for every viewer: its JSON text and, built on first need, the binary
 * frames with all its class and asset bytes. A viewer that already holds some of them gets
 * frames of only the rest. An asset too big for one frame goes in chunk frames.
 */
final class Outgoing {

    private static final Logger log = LoggerFactory.getLogger(Outgoing.class);

    final ServerMessage.Update message;
    final String text;
    private final List<ClassFile> classes;
    private final List<AssetFile> assets;
    private final int maxFrameBytes;
    private List<byte[]> allFrames;

    Outgoing(ServerMessage.Update message, String text, int maxFrameBytes) {
        this.message = message;
        this.text = text;
        this.classes = classesOf(message);
        this.assets = assetsOf(message);
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Encodes {@code message} once for every viewer. An update that breaks the codec's limits
     * (too many classes, too much text) or cannot be encoded at all becomes a failure with the
     * same number saying so, which viewers can read: the stream goes on at the next number.
     */
    static Outgoing of(ServerMessage.Update message, WireCodec codec) {
        Limits limits = codec.limits();
        int classes = classesOf(message).size() + assetsOf(message).size();
        String text;
        try {
            text = codec.encode(message);
        } catch (IllegalStateException e) {
            return failed(message, codec, e.getMessage());
        }
        String problem = classes > limits.classesPerUpdate()
                ? classes + " classes or assets changed at once; one update may carry " + limits.classesPerUpdate()
                : text.length() > limits.textBytes()
                ? "the update is " + text.length() + " bytes; the limit is " + limits.textBytes() : null;
        if (problem == null) {
            return new Outgoing(message, text, limits.binaryBytes());
        }
        return failed(message, codec, problem);
    }

    private static Outgoing failed(ServerMessage.Update message, WireCodec codec, String problem) {
        log.error("#{} cannot be sent: {}", message.meta().seq(), problem);
        var failed = new ServerMessage.UpdateFailed(message.meta(), List.of(new Diagnostic("", 0, 0, problem)));
        return new Outgoing(failed, codec.encode(failed), codec.limits().binaryBytes());
    }

    /** Sends this update to {@code link}: the class and asset bytes it lacks, then the text. */
    void deliver(ViewerLink link) {
        List<ClassFile> missing = link.missing(classes);
        List<AssetFile> missingAssets = link.missingAssets(assets);
        if (!missing.isEmpty() || !missingAssets.isEmpty()) {
            boolean all = missing.size() == classes.size() && missingAssets.size() == assets.size();
            List<byte[]> frames = all ? allFrames() : frames(missing, missingAssets);
            frames.forEach(link::send);
        }
        link.send(text);
        link.sent(message);
    }

    private List<byte[]> allFrames() {
        if (allFrames == null) {
            allFrames = frames(classes, assets);
        }
        return allFrames;
    }

    private List<byte[]> frames(List<ClassFile> someClasses, List<AssetFile> someAssets) {
        List<Blob> small = new ArrayList<>(someClasses);
        List<byte[]> frames = new ArrayList<>();
        for (AssetFile asset : someAssets) {
            if (Blobs.fits(asset, maxFrameBytes)) {
                small.add(asset);
            } else {
                frames.addAll(BlobChunks.encode(asset, maxFrameBytes));
            }
        }
        if (!small.isEmpty()) {
            frames.addAll(Blobs.encode(small, maxFrameBytes));
        }
        return frames;
    }

    private static List<AssetFile> assetsOf(ServerMessage.Update message) {
        return message.accept(BYTES).assets();
    }

    private static List<ClassFile> classesOf(ServerMessage.Update message) {
        return message.accept(BYTES).classes();
    }

    /** The class and asset bytes an update carries. */
    private record Bytes(List<ClassFile> classes, List<AssetFile> assets) {
        static final Bytes NONE = new Bytes(List.of(), List.of());
    }

    private static final ServerMessage.Update.Handler<Bytes> BYTES = new ServerMessage.Update.Handler<>() {
        @Override
        public Bytes snapshot(ServerMessage.Snapshot update) {
            return new Bytes(update.classes(), update.assets());
        }

        @Override
        public Bytes scene(ServerMessage.SceneUpdate update) {
            return Bytes.NONE;
        }

        @Override
        public Bytes code(ServerMessage.CodeUpdate update) {
            return new Bytes(update.classes(), List.of());
        }

        @Override
        public Bytes failed(ServerMessage.UpdateFailed update) {
            return Bytes.NONE;
        }

        @Override
        public Bytes asset(ServerMessage.AssetUpdate update) {
            return new Bytes(List.of(), update.assets());
        }
    };
}
