package dev.hotframe.viewer.reload;

import java.util.List;

/**
 * How an update was applied: the tier it took (which may be higher than asked), why, and
 * whether it worked. Failed updates leave the previous code and state running.
 */
public record Applied(String tier, String reason, boolean ok, String error, List<String> warnings) {

    public Applied {
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }

    static Applied ok(String tier, String reason, List<String> warnings) {
        return new Applied(tier, reason, true, null, warnings);
    }

    static Applied failed(String tier, String reason, String error) {
        return new Applied(tier, reason, false, error, List.of());
    }
}
