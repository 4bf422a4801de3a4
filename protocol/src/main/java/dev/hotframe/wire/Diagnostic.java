package dev.hotframe.wire;

import java.util.Objects;

/**
 * A problem in a user's file: a compile error or a scene that does not parse. {@code file} is
 * relative to the project; {@code line} and {@code column} are 1-based, 0 when unknown.
 */
public record Diagnostic(String file, long line, long column, String message) {

    public Diagnostic {
        Objects.requireNonNull(file, "'file' must not be null");
        Objects.requireNonNull(message, "'message' must not be null");
    }

    /** Renders as {@code file:line:column: message}, the form editors and terminals link. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
