package dev.hotframe.wire;

import java.nio.file.Path;

/** Where a local dev server leaves its URL and token for viewers on the same machine. */
public final class Discovery {

    /** The record's file name inside {@link #home()}. */
    public static final String RECORD = "server.json";

    private Discovery() {
    }

    /** The folder for Hotframe's files: {@code $HOTFRAME_HOME} or {@code ~/.hotframe}. */
    public static Path home() {
        String env = System.getenv("HOTFRAME_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".hotframe");
    }
}
