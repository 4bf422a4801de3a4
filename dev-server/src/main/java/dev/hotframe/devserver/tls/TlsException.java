package dev.hotframe.devserver.tls;

/** TLS cannot be set up; the message names the file and what to do. */
public final class TlsException extends RuntimeException {

    public TlsException(String message) {
        super(message);
    }
}
