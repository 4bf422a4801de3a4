package dev.hotframe.devserver.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.wire.Tier;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real build on the demo project: what makes the server ask for a restart, and what does not. */
@Timeout(60)
class StartChangeTest {

    @TempDir
    Path dir;

    private DemoProject demo;
    private JavaBuild build;

    @BeforeEach
    void createDemo() {
        demo = DemoProject.create(dir);
        build = new JavaBuild(demo.load());
        assertThat(build.full()).isInstanceOf(JavaBuild.Built.class);
    }

    @AfterEach
    void closeBuild() throws Exception {
        build.close();
    }

    private Classification after(String file, String from, String to) {
        Path changed = demo.edit(file, from, to);
        JavaBuild.Result result = build.changed(Set.of(changed));
        assertThat(result).isInstanceOf(JavaBuild.Built.class);
        return ((JavaBuild.Built) result).classification();
    }

    @Test
    void aNewInitialStateBodyRestarts() {
        assertThat(after("App.java", "return new State();", "State s = new State();\n        s.x = 5;\n        return s;"))
                .isEqualTo(new Classification(Tier.RESTART, "App.initialState() changed", List.of("demo.App"), List.of()));
    }

    @Test
    void aNewStateTypeRestartsAndSaysWhichTypes() {
        Path other = demo.write("Other.java", "package demo;\n\npublic final class Other {\n    public double x;\n}\n");
        Path app = demo.write("App.java", DemoProject.APP.replace("State", "Other").replace("initialOther", "initialState"));
        JavaBuild.Result result = build.changed(Set.of(app, other));
        assertThat(result).isInstanceOf(JavaBuild.Built.class);
        Classification c = ((JavaBuild.Built) result).classification();

        assertThat(c.tier()).isEqualTo(Tier.RESTART);
        assertThat(c.reason()).startsWith("App's state type changed from demo.State to demo.Other");
    }

    @Test
    void otherBodiesAndMovedLinesStillRedefine() {
        assertThat(after("App.java", "s.x += dt * 10;", "s.x += dt * 20;").tier()).isEqualTo(Tier.REDEFINE);
        assertThat(after("App.java", "    public State initialState() {", "\n\n    public State initialState() {").tier())
                .as("initialState() only moved down two lines").isEqualTo(Tier.REDEFINE);
    }

    @Test
    void readsTheStateTypeFromTheClassSignature() {
        assertThat(StartChange.Entry.stateType("Ljava/lang/Object;Ldev/hotframe/app/HotframeApp<Lcom/x/Game$State;>;"))
                .isEqualTo("com.x.Game.State");
        assertThat(StartChange.Entry.stateType("Ljava/lang/Object;Ldev/hotframe/app/HotframeApp<Ljava/util/Map<Ljava/lang/String;"
                + "Ljava/lang/Integer;>;>;")).isEqualTo("Ljava/util/Map<Ljava/lang/String;Ljava/lang/Integer;>;");
        assertThat(StartChange.Entry.stateType(null)).isNull();
    }
}
