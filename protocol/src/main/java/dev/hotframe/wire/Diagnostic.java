package dev.hotframe.wire;

import java.util.Objects;

/**
 * A problem in a user's file: a compile error or a scene that does not parse. {@code file} is
 * relative to the project; {@code line} and {@code column} are 1-based, 0 when unknown;
 * {@code severity} is {@code error} or {@code warning}; {@code sourceLine} is the text of that
 * line, or null when there is none.
 */
public record Diagnostic(String file, long line, long column, String severity, String message, String sourceLine) {

    public Diagnostic {
        Objects.requireNonNull(file, "'file' must not be null");
        Objects.requireNonNull(message, "'message' must not be null");
        severity = severity == null ? "error" : severity;
    }

    /** An error without its source line. */
    public Diagnostic(String file, long line, long column, String message) {
        this(file, line, column, "error", message, null);
    }

    /**
     * Renders as {@code file:line:column: message}, the form editors and terminals link; without
     * the line when it is unknown ({@code file: message}), and as the message alone without a file.
     */
    @Override
    public String toString() {
        String place = file.isEmpty() ? "" : line == 0 ? file + ": " : file + ":" + line + ":" + column + ": ";
        return place + (severity.equals("error") ? "" : severity + ": ") + message;
    }
}
