package dev.hotframe.bench.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drill's catalogue: app code that ends, stops or floods the viewer, scene files that are half
 * written, too deep or not JSON, an image cut short, and the app class deleted. Each is made from
 * what any project has (the app class's {@code render}/{@code update}, a scene, a PNG), not from
 * the sample app's text.
 */
final class HostileEdits {

    /** How deep the nested scene goes, in nodes. */
    static final int NESTING = 300;
    private static final Pattern CHILDREN = Pattern.compile("\"children\"\\s*:\\s*\\[");

    private HostileEdits() {
    }

    static List<HostileEdit> all() {
        return List.of(
                java("exit-in-render", "System.exit(3) in render", "render", "System.exit(3);", "System.exit"),
                java("halt-in-update", "Runtime.halt(1) in update", "update", "Runtime.getRuntime().halt(1);", "halt"),
                java("loop-in-render", "endless loop in render", "render", "while (System.nanoTime() != 0) { }",
                        "did not finish"),
                java("throw-in-update", "exception thrown in update", "update",
                        "if (true) { throw new IllegalStateException(\"fault-drill: thrown in update\"); }",
                        "fault-drill: thrown in update"),
                java("stack-overflow", "StackOverflowError in render", "render",
                        "new Object() { int down(int n) { return down(n + 1) + 1; } }.down(0);", "StackOverflowError"),
                new HostileEdit("thread-per-frame", "a thread started every frame",
                        p -> insert(p, "render", "new Thread(() -> { try { Thread.sleep(600_000); } catch (InterruptedException e) {"
                                + " Thread.currentThread().interrupt(); } }, \"fault-drill-leak\").start();"),
                        p -> List.of("thread"), true),
                scene("scene-half-written", "scene file cut in half mid-write", "any text", HostileEdits::half),
                scene("scene-nested-" + NESTING, "scene nested " + NESTING + " levels deep", "a \"children\": [ array",
                        HostileEdits::nested),
                scene("scene-bad-json", "scene that is not JSON", "an opening { outside a comment", HostileEdits::badJson),
                new HostileEdit("png-truncated", "PNG cut to half its bytes", HostileEdits::truncatedPng,
                        p -> List.of(p.relative(p.image().orElseThrow())), false),
                new HostileEdit("app-class-deleted", "app class source deleted",
                        p -> new Prepared.Ready(FileChange.delete(p.appSource())),
                        p -> List.of(p.appClass().substring(p.appClass().lastIndexOf('.') + 1)), false));
    }

    /** The row's label on {@code project}: the PNG row names the file, and says when the drill made it. */
    static String label(HostileEdit edit, ProjectLayout project) {
        if (edit.name().equals("png-truncated") && project.image().isPresent()) {
            return edit.label() + " (" + project.relative(project.image().get())
                    + (project.imageCreated() ? ", created by the drill" : "") + ")";
        }
        return edit.label();
    }

    private static HostileEdit java(String name, String label, String method, String statement, String hint) {
        return new HostileEdit(name, label, p -> insert(p, method, statement), p -> List.of(hint), false);
    }

    private static Prepared insert(ProjectLayout project, String method, String statement) throws IOException {
        String source = Files.readString(project.appSource());
        Optional<String> edited = MethodBody.insertFirst(source, method, statement);
        if (edited.isEmpty()) {
            return new Prepared.Skipped("could not find " + method + "(...) in " + project.relative(project.appSource()));
        }
        return new Prepared.Ready(FileChange.replace(project.appSource(), edited.get()));
    }

    /** A scene edit: the text it turns the scene into, or null when the scene lacks what it needs. */
    @FunctionalInterface
    private interface SceneText {
        String edit(String scene);
    }

    /** {@code needs}: what the edit looks for in the scene, named in the row when it is not there. */
    private static HostileEdit scene(String name, String label, String needs, SceneText text) {
        return new HostileEdit(name, label, p -> {
            if (p.scene().isEmpty()) {
                return new Prepared.Skipped("no scene file (*.json) in the project's scenes folder");
            }
            Path file = p.scene().get();
            String edited = text.edit(Files.readString(file));
            if (edited == null) {
                return new Prepared.Skipped("could not find " + needs + " in " + p.relative(file));
            }
            return new Prepared.Ready(FileChange.replace(file, edited));
        }, p -> List.of(p.relative(p.scene().orElseThrow())), false);
    }

    private static String half(String scene) {
        return scene.substring(0, scene.length() / 2);
    }

    /** A group {@link #NESTING} levels deep, first in the first {@code "children"} array. */
    private static String nested(String scene) {
        Matcher children = CHILDREN.matcher(scene);
        if (!children.find()) {
            return null;
        }
        StringBuilder node = new StringBuilder();
        for (int i = 0; i < NESTING; i++) {
            node.append("{\"id\": \"fault-drill-").append(i).append("\", \"type\": \"group\", \"children\": [");
        }
        node.append("]}".repeat(NESTING));
        boolean empty = scene.substring(children.end()).strip().startsWith("]");
        return scene.substring(0, children.end()) + node + (empty ? "" : ",") + scene.substring(children.end());
    }

    /** A property without a value, just inside the first {@code {} that is not in a line comment. */
    private static String badJson(String scene) {
        int offset = 0;
        for (String line : scene.split("\n", -1)) {
            int brace = line.indexOf('{');
            if (!line.strip().startsWith("//") && brace >= 0) {
                int at = offset + brace + 1;
                return scene.substring(0, at) + " \"faultDrill\": , " + scene.substring(at);
            }
            offset += line.length() + 1;
        }
        return null;
    }

    private static Prepared truncatedPng(ProjectLayout project) throws IOException {
        Path png = project.image().orElseThrow();
        byte[] bytes = Files.readAllBytes(png);
        return new Prepared.Ready(new FileChange(png, bytes, Arrays.copyOf(bytes, bytes.length / 2)));
    }
}
