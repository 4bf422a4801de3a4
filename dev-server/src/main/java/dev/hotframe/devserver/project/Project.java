package dev.hotframe.devserver.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * A Hotframe project: the folder that holds {@code hotframe.json}, and the resolved folders and
 * options from it. Relative paths in the descriptor are relative to that folder. {@code release}
 * is there only when the descriptor sets it; {@link CompileSettingsResolver} fills in the rest,
 * from the project's {@code pom.xml} when it has one.
 */
public record Project(Path root, String appClass, Path sources, Path scenes, Path assets, List<Path> classpath,
                      OptionalInt release) {

    /** The descriptor's file name. */
    public static final String DESCRIPTOR = "hotframe.json";

    /** The descriptor as written by users; every field but {@code app} is optional. */
    record Descriptor(String app, String sources, String scenes, String assets, List<String> classpath, Integer release) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Reads {@code root/hotframe.json}; throws {@link ProjectException} naming the file and the problem. */
    public static Project load(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        Path file = dir.resolve(DESCRIPTOR);
        Descriptor d;
        try {
            d = MAPPER.readValue(Files.readString(file), Descriptor.class);
        } catch (NoSuchFileException e) {
            throw new ProjectException(file + ": not found. A Hotframe project needs a " + DESCRIPTOR
                    + " like {\"app\": \"com.example.MyApp\"}");
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw new ProjectException(file + ": unknown field '" + e.getPropertyName() + "'; the known fields are "
                    + "app, sources, scenes, assets, classpath, release");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ProjectException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ProjectException(file + ": cannot read: " + e.getMessage());
        }
        if (d == null || d.app() == null || d.app().isBlank()) {
            throw new ProjectException(file + ": 'app' is missing; set it to the fully qualified class of your app, "
                    + "like {\"app\": \"com.example.MyApp\"}");
        }
        Path sources = dir.resolve(orDefault(d.sources(), "src/main/java")).normalize();
        if (!Files.isDirectory(sources)) {
            throw new ProjectException(file + ": the source folder " + sources + " does not exist");
        }
        List<Path> classpath = d.classpath() == null ? List.of()
                : d.classpath().stream().map(p -> dir.resolve(p).normalize()).toList();
        OptionalInt release = d.release() == null ? OptionalInt.empty() : OptionalInt.of(d.release());
        return new Project(dir, d.app(), sources, dir.resolve(orDefault(d.scenes(), "scenes")).normalize(),
                dir.resolve(orDefault(d.assets(), "assets")).normalize(), classpath, release);
    }

    /** Returns {@code file} relative to the project root, with forward slashes, for messages. */
    public String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path rel = abs.startsWith(root) ? root.relativize(abs) : abs;
        return rel.toString().replace('\\', '/');
    }

    /** The Java sources under {@link #sources()}, absolute and sorted. */
    public List<Path> javaSources() {
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sources in " + sources, e);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
