package dev.hotframe.devserver.serve;

import dev.hotframe.devserver.assets.AssetSet;
import dev.hotframe.scene.SceneNode;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.Library;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What viewers have been sent so far, as of one sequence number: the classes, scenes, open
 * problems, assets and run-time libraries a joining viewer's snapshot carries. Immutable; each
 * change makes a new one (see {@link Publisher}).
 */
public record Published(Map<String, byte[]> classes, Map<String, SceneNode> scenes, List<Diagnostic> javaProblems,
                        Map<String, List<Diagnostic>> sceneProblems, AssetSet assets, List<Library> libraries) {

    /** Nothing sent yet. */
    public static final Published EMPTY = new Published(Map.of(), Map.of(), List.of(), Map.of(), AssetSet.EMPTY, List.of());

    public Published {
        classes = Map.copyOf(classes);
        scenes = Map.copyOf(scenes);
        javaProblems = List.copyOf(javaProblems);
        sceneProblems = Map.copyOf(sceneProblems);
        assets = assets == null ? AssetSet.EMPTY : assets;
        libraries = List.copyOf(libraries);
    }

    /** The open compile and scene problems (asset problems are in {@link #assets()}). */
    public List<Diagnostic> problems() {
        List<Diagnostic> all = new ArrayList<>(javaProblems);
        sceneProblems.values().forEach(all::addAll);
        return all;
    }

    Published withScenes(Map<String, SceneNode> nowScenes, Map<String, List<Diagnostic>> nowProblems) {
        return new Published(classes, nowScenes, javaProblems, nowProblems, assets, libraries);
    }

    Published withJavaProblems(List<Diagnostic> nowProblems) {
        return new Published(classes, scenes, nowProblems, sceneProblems, assets, libraries);
    }

    Published withClasses(Map<String, byte[]> nowClasses, List<Diagnostic> nowProblems, List<Library> nowLibraries) {
        return new Published(nowClasses, scenes, nowProblems, sceneProblems, assets, nowLibraries);
    }

    Published withAssets(AssetSet nowAssets) {
        return new Published(classes, scenes, javaProblems, sceneProblems, nowAssets, libraries);
    }
}
