package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.testkit.TestApp;
import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Tier;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What happens to static fields and constants on each tier (viewer/RELOAD.md describes it for users). */
@Timeout(60)
class StaticsTest {

    private static final String APP = "demo.App";

    /** {@code counter} starts at {@code start}; {@code SPEED} is a compile-time constant; get() reports both and Helper's hits. */
    private static List<ClassFile> app(int start, int speed, String extraField) {
        return TestApp.named(APP).members("public static final int SPEED = " + speed + ";\npublic static int counter = " + start + ";")
                .state("public int frames;\n" + extraField).update("counter++;\nHelper.hits++;\ns.frames++;")
                .get("\"counter=\" + counter + \" speed=\" + SPEED + \" hits=\" + Helper.hits").compile("""
                package demo;

                public final class Helper {
                    public static int hits = 100;
                }
                """);
    }

    private static String get(AppHost host) {
        return ((Supplier<?>) host.app()).get().toString();
    }

    private static AppHost startedAndUpdatedThreeTimes() {
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, app(10, 5, "")).ok()).isTrue();
        for (int i = 0; i < 3; i++) {
            host.app().update(host.state(), 0.016);
        }
        return host;
    }

    @Test
    void reloadRunsTheStaticInitializersAgainSoStaticsStartOverWhileTheStateIsKept() throws Exception {
        AppHost host = startedAndUpdatedThreeTimes();
        Class<?> oldApp = host.app().getClass();

        Applied applied = host.apply(Tier.RELOAD, "field added", app(10, 5, "public int level = 1;"), List.of());

        assertThat(applied.ok()).isTrue();
        assertThat(get(host)).isEqualTo("counter=10 speed=5 hits=100");
        assertThat(oldApp.getField("counter").getInt(null)).as("the old generation's static").isEqualTo(13);
        assertThat(host.stateTree().toString()).isEqualTo("{\"frames\":3,\"level\":1}");
    }

    @Test
    void redefineKeepsStaticValuesAndDoesNotRunAChangedStaticInitializer() {
        AppHost host = startedAndUpdatedThreeTimes();

        Applied applied = host.apply(Tier.REDEFINE, "static initializer changed", app(20, 5, ""), List.of());

        assertThat(applied.tier()).isEqualTo(Tier.REDEFINE);
        assertThat(get(host)).isEqualTo("counter=13 speed=5 hits=103");
    }

    @Test
    void changedConstantReachesCodeThatInlinesItThroughRedefineButTheFieldKeepsItsOldValue() throws Exception {
        AppHost host = startedAndUpdatedThreeTimes();

        Applied applied = host.apply(Tier.REDEFINE, "constant changed", app(10, 7, ""), List.of());

        assertThat(applied.tier()).isEqualTo(Tier.REDEFINE);
        assertThat(get(host)).isEqualTo("counter=13 speed=7 hits=103");
        assertThat(host.app().getClass().getField("SPEED").getInt(null)).isEqualTo(5);
    }

    @Test
    void changedConstantSentAsReloadIsNewEverywhere() throws Exception {
        AppHost host = startedAndUpdatedThreeTimes();

        host.apply(Tier.RELOAD, "constant changed", app(10, 7, ""), List.of());

        assertThat(get(host)).isEqualTo("counter=10 speed=7 hits=100");
        assertThat(host.app().getClass().getField("SPEED").getInt(null)).isEqualTo(7);
    }
}
