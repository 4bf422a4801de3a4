package dev.hotframe.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeldClassesTest {

    private static final ClassFile A1 = new ClassFile("demo.A", new byte[] {1});
    private static final ClassFile A2 = new ClassFile("demo.A", new byte[] {2});
    private static final ClassFile B = new ClassFile("demo.B", new byte[] {3});
    private static final UpdateMeta META = new UpdateMeta(1, List.of(), 0, Map.of());

    @Test
    void aSnapshotReplacesWhatIsHeld() {
        HeldClasses held = new HeldClasses(Map.of("demo.Old", "ab".repeat(32)));

        held.apply(new ServerMessage.Snapshot(META, "demo.A", List.of(A1, B), Map.of(), List.of()));

        assertThat(held.asMap()).isEqualTo(Map.of("demo.A", A1.sha256(), "demo.B", B.sha256()));
    }

    @Test
    void aChangedClassNoLongerHoldsItsOldBytes() {
        HeldClasses held = new HeldClasses();
        held.apply(code(List.of(A1, B), List.of()));

        held.apply(code(List.of(A2), List.of("demo.B")));

        assertThat(held.asMap()).isEqualTo(Map.of("demo.A", A2.sha256()));
        assertThat(held.missing(List.of(A1, A2, B))).containsExactly(A1, B);
    }

    @Test
    void failuresAndScenesChangeNothing() {
        HeldClasses held = new HeldClasses(Map.of(A1.name(), A1.sha256()));

        held.apply(new ServerMessage.UpdateFailed(META, List.of()));
        held.apply(new ServerMessage.SceneUpdate(META, List.of()));

        assertThat(held.hashes()).containsExactly(A1.sha256());
    }

    private static ServerMessage.CodeUpdate code(List<ClassFile> classes, List<String> removed) {
        return new ServerMessage.CodeUpdate(META, Tier.RELOAD, "r", classes, removed);
    }
}
