package dev.hotframe.viewer.window;

/** Tells whether a window can be opened here, before GLFW is asked. */
public final class DisplayCheck {

    private DisplayCheck() {
    }

    /** Returns why there is no display, or null when there probably is one. */
    public static String missingDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (!os.contains("linux") && !os.contains("bsd")) {
            return null;
        }
        boolean x11 = notBlank(System.getenv("DISPLAY"));
        boolean wayland = notBlank(System.getenv("WAYLAND_DISPLAY"));
        return x11 || wayland ? null : "no display ($DISPLAY and $WAYLAND_DISPLAY are not set)";
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
