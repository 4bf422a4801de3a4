package dev.hotframe.bench.drill;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a Hotframe project keeps what the drill edits, read from its {@code hotframe.json}: the app
 * class's source, the scene the app draws (or the first one), and an image asset when it has one.
 */
public record ProjectLayout(Path dir, String appClass, Path appSource, Optional<Path> scene, Path assets, Optional<Path> image) {

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private static final Pattern SCENE_CALL = Pattern.compile("\\.scene\\(\\s*\"([^\"]+)\"");

    /** Reads the layout of the project in {@code dir}; a folder that is not a Hotframe project fails with what is missing. */
    public static ProjectLayout read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a folder: " + dir);
        }
        Path descriptor = dir.resolve("hotframe.json");
        if (!Files.isRegularFile(descriptor)) {
            throw new IllegalArgumentException("not a Hotframe project: " + dir + " has no hotframe.json"
                    + " (create one with 'bin/devserver init NAME', or point --project at the folder that has it)");
        }
        JsonNode json;
        try {
            json = LENIENT.readTree(descriptor.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(descriptor + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        String app = json == null ? "" : json.path("app").asText("");
        if (app.isBlank()) {
            throw new IllegalArgumentException(descriptor + " names no app class (\"app\": \"com.example.MyApp\")");
        }
        Path sources = dir.resolve(json.path("sources").asText("src/main/java"));
        Path appSource = sources.resolve(app.replace('.', '/') + ".java");
        if (!Files.isRegularFile(appSource)) {
            throw new IllegalArgumentException("the app class " + app + " has no source at " + dir.relativize(appSource)
                    + " (\"sources\" in hotframe.json says where sources are)");
        }
        Path scenes = dir.resolve(json.path("scenes").asText("scenes"));
        Path assets = dir.resolve(json.path("assets").asText("assets"));
        return new ProjectLayout(dir, app, appSource, scene(scenes, Files.readString(appSource)), assets, firstImage(assets));
    }

    /** The same project with {@code image} as its image asset. */
    public ProjectLayout withImage(Path image) {
        return new ProjectLayout(dir, appClass, appSource, scene, assets, Optional.of(image));
    }

    /** {@code file} relative to the project, with forward slashes, as the update log names it. */
    public String relative(Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    /** Where a project without an image gets one, so that the image row has something to break. */
    public Path createdImage() {
        return assets.resolve("fault-drill.png");
    }

    /** Whether the image asset is the one the drill created. */
    public boolean imageCreated() {
        return image.filter(createdImage()::equals).isPresent();
    }

    private static Optional<Path> scene(Path scenes, String appSource) throws IOException {
        if (!Files.isDirectory(scenes)) {
            return Optional.empty();
        }
        Matcher call = SCENE_CALL.matcher(appSource);
        if (call.find()) {
            Path drawn = scenes.resolve(call.group(1) + ".json");
            if (Files.isRegularFile(drawn)) {
                return Optional.of(drawn);
            }
        }
        try (Stream<Path> walk = Files.walk(scenes)) {
            return walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
                    .min(Comparator.naturalOrder());
        }
    }

    private static Optional<Path> firstImage(Path assets) throws IOException {
        if (!Files.isDirectory(assets)) {
            return Optional.empty();
        }
        try (Stream<Path> walk = Files.walk(assets)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.toString().toLowerCase().endsWith(".png"))
                    .min(Comparator.naturalOrder());
        }
    }
}
