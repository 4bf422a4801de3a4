package dev.hotframe.devserver.scene;

import dev.hotframe.devserver.project.Project;
import dev.hotframe.scene.PatchOp;
import dev.hotframe.scene.SceneDiff;
import dev.hotframe.scene.SceneError;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.scene.SceneParser;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.Limits;
import dev.hotframe.wire.SceneChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The last good version of every scene, by name ({@code scenes/hud/top.json} is {@code hud/top}).
 * A file that does not parse keeps its last good version and reports where it broke.
 */
public final class SceneStore {

    private final Project project;
    private final Map<String, SceneNode> scenes = new TreeMap<>();
    private final int maxNodes;

    /** The outcome of reading changed scene files. */
    public record Result(List<SceneChange> changes, List<Diagnostic> errors) {
    }

    public SceneStore(Project project) {
        this(project, Limits.DEFAULT.sceneNodes());
    }

    /** @param maxNodes the most nodes a scene may have; larger scenes are refused like a syntax error */
    public SceneStore(Project project, int maxNodes) {
        this.project = project;
        this.maxNodes = maxNodes;
    }

    /** Returns whether {@code file} is a scene file of this project. */
    public boolean isScene(Path file) {
        return file.startsWith(project.scenes()) && file.getFileName().toString().endsWith(".json");
    }

    /** Reads every scene file. */
    public Result loadAll() {
        if (!Files.isDirectory(project.scenes())) {
            return new Result(List.of(), List.of());
        }
        try (Stream<Path> walk = Files.walk(project.scenes())) {
            return changed(walk.filter(this::isScene).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scenes in " + project.scenes(), e);
        }
    }

    /** Reads the scene files in {@code files} (deleted ones included) and returns the patches. */
    public Result changed(Collection<Path> files) {
        List<SceneChange> changes = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (Path file : files) {
            String name = nameOf(file);
            SceneNode before = scenes.get(name);
            if (!Files.exists(file)) {
                if (scenes.remove(name) != null) {
                    changes.add(SceneChange.deleted(name));
                }
                continue;
            }
            try {
                SceneNode after = SceneParser.parse(project.relative(file), Files.readString(file));
                int nodes = after.nodeCount();
                if (nodes > maxNodes) {
                    errors.add(new Diagnostic(project.relative(file), 1, 1, "the scene has " + nodes
                            + " nodes; viewers accept at most " + maxNodes + " per scene. Split it into several scene files"));
                    continue;
                }
                scenes.put(name, after);
                if (before == null) {
                    changes.add(SceneChange.added(name, after));
                } else {
                    List<PatchOp> ops = SceneDiff.diff(before, after);
                    if (!ops.isEmpty()) {
                        changes.add(SceneChange.patch(name, ops));
                    }
                }
            } catch (SceneError e) {
                errors.add(new Diagnostic(e.file(), e.line(), e.column(), e.problem()));
            } catch (MalformedInputException e) {
                errors.add(new Diagnostic(project.relative(file), 1, 1, "the file is not valid UTF-8"));
            } catch (IOException e) {
                errors.add(new Diagnostic(project.relative(file), 0, 0, "cannot read: " + e.getMessage()));
            }
        }
        return new Result(changes, errors);
    }

    /** The current scenes, by name. */
    public Map<String, SceneNode> scenes() {
        return Map.copyOf(scenes);
    }

    private String nameOf(Path file) {
        String relative = project.scenes().relativize(file).toString().replace('\\', '/');
        return relative.substring(0, relative.length() - ".json".length());
    }
}
