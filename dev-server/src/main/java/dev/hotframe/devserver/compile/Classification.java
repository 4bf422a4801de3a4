package dev.hotframe.devserver.compile;

import dev.hotframe.wire.Tier;
import java.util.List;

/**
 * How a set of class changes can be applied: {@code redefine} (method bodies only),
 * {@code reload} (the shape changed) or {@code restart} (how the app starts changed), with a
 * reason a person can read, such as {@code "Player gained field 'speed'"}.
 */
public record Classification(Tier tier, String reason, List<String> changed, List<String> removed) {

    public Classification {
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** True for the tiers that take a new class-loader generation. */
    public boolean structural() {
        return tier != Tier.REDEFINE;
    }

    /** One line for the terminal: {@code "redefine 1 class (Hud)"}, {@code "reload 2 classes (App, State), removed 1 (Enemy)"}. */
    public String summary() {
        StringBuilder line = new StringBuilder(tier.toString()).append(' ').append(changed.size())
                .append(changed.size() == 1 ? " class" : " classes");
        if (!changed.isEmpty()) {
            line.append(" (").append(names(changed)).append(')');
        }
        if (!removed.isEmpty()) {
            line.append(", removed ").append(removed.size()).append(" (").append(names(removed)).append(')');
        }
        return line.toString();
    }

    private static String names(List<String> classes) {
        List<String> simple = classes.stream().map(ShapeClassifier::simple).toList();
        return simple.size() <= 3 ? String.join(", ", simple)
                : String.join(", ", simple.subList(0, 3)) + " and " + (simple.size() - 3) + " more";
    }
}
