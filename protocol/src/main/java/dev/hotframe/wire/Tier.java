package dev.hotframe.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How an update was, or is to be, applied: a rung of the reload ladder or what happened instead, written as its lower-case name. */
public enum Tier {
    /** The whole project, for a new or resynchronizing viewer. */
    SNAPSHOT,
    SCENE, ASSET, REDEFINE, RELOAD, RESTART,
    /** Back to an earlier generation (F2 or the dashboard); answered by {@code undone}, never acked. */
    UNDO,
    /** The change did not build, or applying it failed unexpectedly. */
    ERROR;

    private static final String NAMES = Arrays.stream(values()).map(Tier::toString).collect(Collectors.joining(", "));

    private final String text = name().toLowerCase(Locale.ROOT);

    /** The tier named {@code text} ({@code "reload"}); throws for any other text, naming the tiers there are. */
    @JsonCreator
    public static Tier of(String text) {
        for (Tier tier : values()) {
            if (tier.text.equals(text)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("'tier' must be one of " + NAMES + ", was '" + text + "'");
    }

    /** Whether an update applied at this tier put new code or state in place, so that a paused app may run again. */
    public boolean changesCode() {
        return this != SCENE && this != ASSET && this != ERROR;
    }

    /** The lower-case name, as the wire, the update log, the terminal and the dashboard write it. */
    @JsonValue
    @Override
    public String toString() {
        return text;
    }
}
