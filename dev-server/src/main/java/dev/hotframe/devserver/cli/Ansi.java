package dev.hotframe.devserver.cli;

/**
 * Colours for what the CLI prints: on when standard output is a terminal, off when it is piped
 * or redirected, when {@code NO_COLOR} is set (no-color.org) or {@code TERM=dumb}.
 */
final class Ansi {

    private final boolean on;

    Ansi(boolean on) {
        this.on = on;
    }

    /** Decides from this process's console and environment. */
    static Ansi detect() {
        String noColor = System.getenv("NO_COLOR");
        return new Ansi(System.console() != null && (noColor == null || noColor.isEmpty())
                && !"dumb".equals(System.getenv("TERM")));
    }

    String bold(String text) {
        return wrap("1", text);
    }

    String green(String text) {
        return wrap("32", text);
    }

    String yellow(String text) {
        return wrap("33", text);
    }

    String cyan(String text) {
        return wrap("36", text);
    }

    String dim(String text) {
        return wrap("2", text);
    }

    private String wrap(String code, String text) {
        return on ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
