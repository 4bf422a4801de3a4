package dev.hotframe.devserver.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    private static final Path HUD = Path.of("/p/Hud.java");
    private static final Path GAME = Path.of("/p/Game.java");
    private static final Path SUB = Path.of("/p/Sub.java");

    private final DependencyGraph graph = new DependencyGraph();

    @Test
    void usersOfAClassAreTheFilesThatUseIt() {
        graph.uses(HUD, Set.of("p.Tuning", "p.State"));
        graph.uses(GAME, Set.of("p.State"));

        assertThat(graph.usersOf(Set.of("p.Tuning"))).containsExactly(HUD);
        assertThat(graph.usersOf(Set.of("p.State"))).containsExactlyInAnyOrder(HUD, GAME);
        assertThat(graph.usersOf(Set.of("p.Nobody"))).isEmpty();
    }

    @Test
    void recompiledFileReplacesItsUses() {
        graph.uses(HUD, Set.of("p.Tuning"));

        graph.uses(HUD, Set.of("p.State"));

        assertThat(graph.usersOf(Set.of("p.Tuning"))).isEmpty();
        assertThat(graph.usersOf(Set.of("p.State"))).containsExactly(HUD);
    }

    @Test
    void deletedFileUsesNothing() {
        graph.uses(HUD, Set.of("p.Tuning"));

        graph.forget(HUD);

        assertThat(graph.usersOf(Set.of("p.Tuning"))).isEmpty();
        assertThat(graph.usesOf(HUD)).isEmpty();
    }

    @Test
    void usersOfSubtypesAreUsersOfTheirSupertypesApi() {
        graph.supertypes("p.Sub", Set.of("p.Base"));
        graph.supertypes("p.SubSub", Set.of("p.Sub"));
        graph.uses(SUB, Set.of("p.Base"));
        graph.uses(GAME, Set.of("p.SubSub"));

        assertThat(graph.usersOf(Set.of("p.Base"))).containsExactlyInAnyOrder(SUB, GAME);

        graph.supertypes("p.SubSub", Set.of());
        assertThat(graph.usersOf(Set.of("p.Base"))).containsExactly(SUB);
    }
}
