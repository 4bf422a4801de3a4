package dev.hotframe.wire;

/**
 * A problem in a user's file: a compile error or a scene that does not parse. {@code file} is
 * relative to the project; {@code line} and {@code column} are 1-based, 0 when unknown.
 */
public record Diagnostic(String file, long line, long column, String message) {

    /** Renders as {@code file:line:column: message}, the form editors and terminals link. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
