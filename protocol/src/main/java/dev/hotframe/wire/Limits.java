package dev.hotframe.wire;

/**
 * The sizes both sides enforce. A peer that exceeds one is closed ({@link Protocol#CLOSE_TOO_BIG}
 * or {@link Protocol#CLOSE_BAD_MESSAGE}); the server announces its limits in {@code welcome}.
 *
 * @param viewerMessageBytes the largest text message a viewer may send
 * @param textBytes          the largest text message the server sends
 * @param binaryBytes        the largest binary frame the server sends (class bytes; larger sets are split)
 * @param classesPerUpdate   the most classes one update may carry
 * @param sceneNodes         the most nodes one scene may have
 * @param logSize            how many updates the server keeps for viewers that reconnect
 */
public record Limits(int viewerMessageBytes, int textBytes, int binaryBytes, int classesPerUpdate, int sceneNodes,
                     int logSize) {

    /** The limits this build uses. */
    public static final Limits DEFAULT = new Limits(4 << 20, 16 << 20, 32 << 20, 20_000, 50_000, 256);

    public Limits {
        positive(viewerMessageBytes, "viewerMessageBytes");
        positive(textBytes, "textBytes");
        positive(binaryBytes, "binaryBytes");
        positive(classesPerUpdate, "classesPerUpdate");
        positive(sceneNodes, "sceneNodes");
        positive(logSize, "logSize");
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException("'" + name + "' must be positive, was " + value);
        }
    }
}
