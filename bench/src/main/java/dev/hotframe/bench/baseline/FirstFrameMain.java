package dev.hotframe.bench.baseline;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hotframe.app.Frame;
import dev.hotframe.app.HotframeApp;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.scene.SceneParser;
import dev.hotframe.viewer.render.Fonts;
import dev.hotframe.viewer.scene.SceneRenderer;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The restart half of the baselines: a fresh JVM that runs a project's app to its first frame.
 * It creates the app, calls initialState, update and render once on an 800x600 Skija raster
 * surface (scenes drawn by the viewer's own scene renderer), writes the PNG, and prints
 * {@code png-written <epoch ms>}.
 *
 * <p>Usage: {@code java -cp hotframe-bench.jar:hotframe-viewer.jar dev.hotframe.bench.baseline.FirstFrameMain
 * PROJECT CLASSES OUT.png}
 */
public final class FirstFrameMain {

    private FirstFrameMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: FirstFrameMain PROJECT_DIR CLASSES_DIR OUT.png");
            System.exit(2);
        }
        Path project = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        Path out = Path.of(args[2]);
        ObjectMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
        JsonNode config = json.readTree(project.resolve("hotframe.json").toFile());
        String appClass = config.path("app").asText();
        Path scenes = project.resolve(config.path("scenes").asText("scenes"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                FirstFrameMain.class.getClassLoader())) {
            HotframeApp<Object> app = create(loader.loadClass(appClass));
            Object state = app.initialState();
            app.update(state, 1 / 60.0);
            try (Surface surface = Surface.makeRasterN32Premul(800, 600)) {
                SceneRenderer renderer = new SceneRenderer(new Fonts());
                JsonNode stateTree = stateMapper().valueToTree(state);
                Canvas canvas = surface.getCanvas();
                app.render(state, new OneFrame(canvas, scenes, renderer, stateTree));
                try (Image image = surface.makeImageSnapshot(); Data png = EncoderPNG.encode(image)) {
                    if (png == null) {
                        throw new IllegalStateException("Skia could not encode the frame as PNG");
                    }
                    Files.write(out, png.getBytes());
                }
            }
        }
        System.out.println("png-written " + System.currentTimeMillis());
    }

    @SuppressWarnings("unchecked")
    private static HotframeApp<Object> create(Class<?> type) throws ReflectiveOperationException {
        return (HotframeApp<Object>) type.getDeclaredConstructor().newInstance();
    }

    private static ObjectMapper stateMapper() {
        return new ObjectMapper().setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** The frame handed to render: the canvas and scenes read from disk as they are now. */
    private record OneFrame(Canvas canvas, Path scenes, SceneRenderer renderer, JsonNode state) implements Frame {

        @Override
        public int width() {
            return 800;
        }

        @Override
        public int height() {
            return 600;
        }

        @Override
        public double timeSeconds() {
            return 1 / 60.0;
        }

        @Override
        public void scene(String name) {
            Path file = scenes.resolve(name + ".json");
            try {
                SceneNode root = SceneParser.parse(file.getFileName().toString(), Files.readString(file));
                renderer.draw(canvas, root, state);
            } catch (Exception e) {
                throw new IllegalStateException("scene '" + name + "' could not be drawn from " + file + ": " + e, e);
            }
        }
    }
}
