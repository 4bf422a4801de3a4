package dev.hotframe.scene;

/** Scene files for limit tests. */
public final class SceneTexts {

    private SceneTexts() {
    }

    /**
     * A chain of {@code levels} nodes, one per line, node n (from 1) on line n indented by n - 1
     * spaces; the last is a rect with a property {@code data} nested {@code valueDepth} lists deep.
     */
    public static String nested(int levels, int valueDepth) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < levels; i++) {
            text.append(" ".repeat(i - 1)).append("{ \"id\": \"n").append(i).append("\", \"type\": \"group\", \"children\": [\n");
        }
        String data = valueDepth == 0 ? "" : ", \"data\": " + "[".repeat(valueDepth) + "1" + "]".repeat(valueDepth);
        text.append(" ".repeat(levels - 1)).append("{ \"id\": \"n").append(levels).append("\", \"type\": \"rect\"").append(data).append(" }");
        text.append(" ] }".repeat(levels - 1)).append('\n');
        return text.toString();
    }
}
