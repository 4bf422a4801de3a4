package dev.hotframe.viewer.frame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.RedefineAgent;
import dev.hotframe.viewer.render.Fonts;
import dev.hotframe.viewer.render.Overlay;
import dev.hotframe.viewer.testkit.TestApp;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.ViewerMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** F5's path, without the window: asked by the key handler, run between frames, told to the server. */
@Timeout(60)
class AppRestartTest {

    private static final String APP = "demo.App";

    private static List<ClassFile> app(String colour) {
        return TestApp.named(APP).members("private final String colour;").constructor("colour = \"" + colour + "\";")
                .state("public int frames;").update("s.frames++;").get("colour").compile();
    }

    private final List<ViewerMessage> sent = new CopyOnWriteArrayList<>();

    @Test
    void f5RestartsOnceBetweenFramesWithTheNewConstructorKeepsTheStateAndTellsTheServer() {
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start(APP, app("red")).ok()).isTrue();
        host.app().update(host.state(), 0.016);
        assertThat(host.apply(Tier.REDEFINE, "method bodies changed in App", app("blue"), List.of()).tier()).isEqualTo(Tier.REDEFINE);
        AppRestart restart = new AppRestart(host, new AppRunner(host, Duration.ofSeconds(2), Duration.ofSeconds(1)),
                new Overlay(new Fonts(), false), sent::add);

        assertThat(restart.runIfRequested()).as("nothing asked").isNull();
        restart.request();

        assertThat(restart.runIfRequested().ok()).isTrue();
        assertThat(((Supplier<?>) host.app()).get()).isEqualTo("blue");
        assertThat(host.stateTree().toString()).isEqualTo("{\"frames\":1}");
        assertThat(sent).containsExactly(new ViewerMessage.Restarted(null, true, "restart app (F5 or the dashboard)", 2));
        assertThat(restart.runIfRequested()).as("once per press").isNull();
    }

    @Test
    void withNoAppRunningTheRestartFailsAndSaysWhy() {
        AppRestart restart = new AppRestart(new AppHost(RedefineAgent.instrumentation()), null, new Overlay(new Fonts(), false), sent::add);
        restart.request();

        assertThat(restart.runIfRequested().ok()).isFalse();
        assertThat(sent).containsExactly(new ViewerMessage.Restarted(null, false, "no app is running", 0));
    }
}
