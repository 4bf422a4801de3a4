package dev.hotframe.viewer.reload;

import dev.hotframe.wire.Tier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an update was applied: the tier it took (which may be higher than asked), why, whether
 * it worked, what could not be carried over ({@code warnings}), and how long each step took
 * ({@code phasesMs}: {@code redefine}, {@code load}, {@code save}, {@code init}, {@code migrate}).
 * Failed updates leave the previous code and state running.
 */
public record Applied(Tier tier, String reason, boolean ok, String error, List<String> warnings, Map<String, Long> phasesMs) {

    public Applied {
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        phasesMs = phasesMs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phasesMs));
    }

    public Applied(Tier tier, String reason, boolean ok, String error, List<String> warnings) {
        this(tier, reason, ok, error, warnings, Map.of());
    }

    /** The same outcome without the clock readings, for comparing outcomes whole. */
    public Applied withoutPhases() {
        return new Applied(tier, reason, ok, error, warnings, Map.of());
    }

    static Applied ok(Tier tier, String reason, List<String> warnings, Map<String, Long> phasesMs) {
        return new Applied(tier, reason, true, null, warnings, phasesMs);
    }

    static Applied failed(Tier tier, String reason, String error, Map<String, Long> phasesMs) {
        return new Applied(tier, reason, false, error, List.of(), phasesMs);
    }
}
