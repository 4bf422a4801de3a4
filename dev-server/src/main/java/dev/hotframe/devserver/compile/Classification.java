package dev.hotframe.devserver.compile;

import java.util.List;

/**
 * How a set of class changes can be applied: {@code redefine} (method bodies only) or
 * {@code reload} (the shape changed), with a reason a person can read, such as
 * {@code "Player gained field 'speed'"}.
 */
public record Classification(String tier, String reason, List<String> changed, List<String> removed) {

    public static final String REDEFINE = "redefine";
    public static final String RELOAD = "reload";

    public Classification {
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    public boolean structural() {
        return tier.equals(RELOAD);
    }
}
