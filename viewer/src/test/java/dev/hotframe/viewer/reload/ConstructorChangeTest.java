package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.testkit.TestApp;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Tier;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A change to a constructor or a field initializer (an effect or shader built once, when the app
 * is made): the dev server sends it as a reload, which makes the app again; a redefine would not
 * show it until the app is restarted (viewer/RELOAD.md, "Code that already ran").
 */
@Timeout(60)
class ConstructorChangeTest {

    private static final String APP = "demo.App";

    /** The constructor builds {@code shader} from {@code source}; a field initializer sets {@code tint}. */
    private static List<ClassFile> app(String source, int tint) {
        return TestApp.named(APP).members("private final String shader;\nprivate int tint = " + tint + ";")
                .constructor("shader = \"compiled(\" + " + source + " + \")\";").state("public int frames;")
                .update("s.frames++;").get("shader + \" tint=\" + tint").compile();
    }

    private static String get(AppHost host) {
        return ((Supplier<?>) host.app()).get().toString();
    }

    private static AppHost startedAndUpdatedThreeTimes() {
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, app("\"red\"", 1)).ok()).isTrue();
        for (int i = 0; i < 3; i++) {
            host.app().update(host.state(), 0.016);
        }
        return host;
    }

    @Test
    void constructorChangeAsAReloadRunsTheNewConstructorAndKeepsTheState() {
        AppHost host = startedAndUpdatedThreeTimes();

        Applied applied = host.apply(Tier.RELOAD, "the constructor or a field initializer of App changed; it runs again in a new generation",
                app("\"blue\"", 2), List.of());

        assertThat(applied.ok()).isTrue();
        assertThat(applied.tier()).isEqualTo(Tier.RELOAD);
        assertThat(get(host)).isEqualTo("compiled(blue) tint=2");
        assertThat(host.stateTree().toString()).isEqualTo("{\"frames\":3}");
    }

    @Test
    void constructorChangeAsARedefineShowsOnlyAfterTheAppIsRestartedWhichKeepsTheState() {
        AppHost host = startedAndUpdatedThreeTimes();

        Applied redefined = host.apply(Tier.REDEFINE, "method bodies changed in App", app("\"blue\"", 2), List.of());

        assertThat(redefined.tier()).isEqualTo(Tier.REDEFINE);
        assertThat(get(host)).as("the running app was made by the old constructor").isEqualTo("compiled(red) tint=1");

        Applied restarted = host.restart("restart app (F5 or the dashboard)");

        assertThat(restarted.ok()).isTrue();
        assertThat(get(host)).isEqualTo("compiled(blue) tint=2");
        assertThat(host.stateTree().toString()).isEqualTo("{\"frames\":3}");
    }
}
