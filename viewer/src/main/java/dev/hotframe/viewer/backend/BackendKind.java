package dev.hotframe.viewer.backend;

import java.util.Arrays;
import java.util.Locale;

/** The backends {@code --backend} can name; {@link #AUTO} picks one (see the window's chooser). */
public enum BackendKind {
    AUTO("auto"), VULKAN("Vulkan"), GL("OpenGL"), RASTER("raster");

    /**
     * Names backends that must fail to start, for fallback tests and for trying the fallback by
     * hand: {@code -Dhotframe.backend.fail=vulkan,gl} or {@code HOTFRAME_BACKEND_FAIL=vulkan}.
     */
    public static final String FAIL_PROPERTY = "hotframe.backend.fail";
    public static final String FAIL_ENV = "HOTFRAME_BACKEND_FAIL";

    private final String label;

    BackendKind(String label) {
        this.label = label;
    }

    /** The name people know it by: "Vulkan", "OpenGL", "raster". */
    public String label() {
        return label;
    }

    /** The {@code --backend} spelling. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BackendKind parse(String text) {
        for (BackendKind kind : values()) {
            if (kind.option().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("--backend must be one of auto, vulkan, gl, raster, was '" + text + "'");
    }

    /** Throws when this backend is named in {@link #FAIL_PROPERTY} or {@link #FAIL_ENV}. */
    void failIfForced() {
        for (String source : new String[] {System.getProperty(FAIL_PROPERTY), System.getenv(FAIL_ENV)}) {
            if (source != null && Arrays.stream(source.split(",")).anyMatch(s -> s.trim().equalsIgnoreCase(option()))) {
                throw new IllegalStateException(label + " was made to fail by " + (source.equals(System.getProperty(FAIL_PROPERTY))
                        ? "-D" + FAIL_PROPERTY : "$" + FAIL_ENV) + "=" + source);
            }
        }
    }
}
