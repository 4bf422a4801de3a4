package dev.hotframe.viewer.frame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.app.ProjectAssets;
import dev.hotframe.scene.SceneParser;
import dev.hotframe.viewer.assets.Assets;
import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.RedefineAgent;
import dev.hotframe.viewer.scene.DefaultAssets;
import dev.hotframe.viewer.scene.RetainedScenes;
import dev.hotframe.viewer.scene.SceneRenderer;
import dev.hotframe.viewer.testkit.TestCompiler;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.RuntimeEffect;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.skija.paragraph.FontCollection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A failure that pauses the app (out of memory) but came out of the viewer's own drawing of a
 * scene is reported as the viewer's, and a scene or asset change resumes the app; a pause out of
 * the app's code waits for new code. Real compiled app, real scene renderer on a raster surface.
 */
@Timeout(60)
class PauseFromDrawingTest {

    private static final String SOURCE = """
            package demo;
            import dev.hotframe.app.Frame;
            import dev.hotframe.app.HotframeApp;
            public final class Logo implements HotframeApp<Logo.State> {
                public static final class State { public int frames; }
                public State initialState() { return new State(); }
                public void update(State s, double dt) { s.frames++; }
                public void render(State s, Frame f) { %s }
            }
            """;

    /** The viewer's assets, whose logo the viewer runs out of memory for: the failure happens inside the viewer's drawing. */
    private static final class OutOfMemoryLogo implements Assets {
        private final DefaultAssets fonts = new DefaultAssets();

        @Override
        public Image image(String path) {
            throw new OutOfMemoryError("Java heap space");
        }

        @Override
        public RuntimeEffect shader(String path) {
            return null;
        }

        @Override
        public FontCollection fonts() {
            return fonts.fonts();
        }

        @Override
        public long version() {
            return 0;
        }
    }

    private static String render(String body) throws Exception {
        AppHost host = new AppHost(RedefineAgent.instrumentation());
        assertThat(host.start("demo.Logo", TestCompiler.compile(SOURCE.formatted(body))).ok()).isTrue();
        AppRunner runner = new AppRunner(host, Duration.ofMillis(300), Duration.ofSeconds(1));
        RetainedScenes scenes = new RetainedScenes();
        scenes.replaceAll(Map.of("logo", SceneParser.parse("scenes/logo.json",
                "{\"id\": \"logo\", \"type\": \"image\", \"src\": \"assets/logo.png\", \"w\": 40, \"h\": 40}")));
        Assets assets = new OutOfMemoryLogo();
        try (Surface surface = Surface.makeRasterN32Premul(40, 40)) {
            FrameContext frame = new FrameContext(surface.getCanvas(), new FrameContext.View(40, 40, 1, 0, 0), 0, scenes,
                    new SceneRenderer(assets), host::stateTree, ProjectAssets.none());
            String failed = runner.render(frame);
            assertThat(runner.paused()).isEqualTo(failed);
            runner.drawingChanged();
            return failed + (runner.paused() == null ? "\n[a scene or asset change resumed it]" : "\n[still paused]");
        }
    }

    @Test
    void outOfMemoryWhileTheViewerDrawsAnImageIsTheViewersAndAnAssetChangeResumesTheApp() throws Exception {
        assertThat(render("f.scene(\"logo\");")).isEqualTo("""
                render failed while the viewer was drawing scene 'logo': java.lang.OutOfMemoryError: Java heap space
                  at demo.Logo.render(Logo.java:8)
                  at demo.Logo.render(Logo.java:4)
                The app is paused until a scene, an asset or its code changes.
                [a scene or asset change resumed it]""");
    }

    @Test
    void outOfMemoryInTheAppsCodeWaitsForNewCode() throws Exception {
        assertThat(render("f.scene(\"none\"); throw new OutOfMemoryError(\"Java heap space\");")).isEqualTo("""
                java.lang.OutOfMemoryError in render: Java heap space
                  at demo.Logo.render(Logo.java:8)
                  at demo.Logo.render(Logo.java:4)
                The app is paused until its code changes.
                [still paused]""");
    }
}
