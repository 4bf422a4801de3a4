package dev.hotframe.devserver.libs;

import dev.hotframe.wire.Library;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** How one set of run-time libraries differs from the last, in words for the reload reason and the terminal. */
public final class LibraryChange {

    private LibraryChange() {
    }

    /** {@code "libraries changed: +commons-lang3-3.18.0.jar, -commons-lang3-3.17.0.jar"}, or empty when the sets are equal. */
    public static Optional<String> describe(List<Library> before, List<Library> after) {
        Set<Library> old = Set.copyOf(before);
        Set<Library> now = Set.copyOf(after);
        if (old.equals(now)) {
            return Optional.empty();
        }
        String added = after.stream().filter(l -> !old.contains(l)).map(l -> "+" + l.name()).collect(Collectors.joining(", "));
        String gone = before.stream().filter(l -> !now.contains(l)).map(l -> "-" + l.name()).collect(Collectors.joining(", "));
        return Optional.of("libraries changed: " + (added.isEmpty() ? gone : gone.isEmpty() ? added : added + ", " + gone));
    }
}
