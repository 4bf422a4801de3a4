package dev.hotframe.devserver.project;

/** The project cannot be served as it is; the message says what to fix and where. */
public final class ProjectException extends RuntimeException {

    public ProjectException(String message) {
        super(message);
    }
}
