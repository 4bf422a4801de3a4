package dev.hotframe.devserver.serve;

import dev.hotframe.scene.SceneNode;
import dev.hotframe.wire.Diagnostic;
import java.util.List;
import java.util.Map;

/** What viewers have been sent so far, as of the last sequence number: the source of joiners' snapshots. */
record Published(Map<String, byte[]> classes, Map<String, SceneNode> scenes, List<Diagnostic> javaProblems,
                 Map<String, List<Diagnostic>> sceneProblems) {

    Published {
        classes = Map.copyOf(classes);
        scenes = Map.copyOf(scenes);
        javaProblems = List.copyOf(javaProblems);
        sceneProblems = Map.copyOf(sceneProblems);
    }

    List<Diagnostic> problems() {
        List<Diagnostic> all = new java.util.ArrayList<>(javaProblems);
        sceneProblems.values().forEach(all::addAll);
        return all;
    }
}
