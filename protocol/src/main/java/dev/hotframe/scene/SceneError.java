package dev.hotframe.scene;

/** A scene file that could not be read, with the place of the problem (1-based line and column). */
public final class SceneError extends Exception {

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public SceneError(String file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the place. */
    public String problem() {
        return problem;
    }
}
