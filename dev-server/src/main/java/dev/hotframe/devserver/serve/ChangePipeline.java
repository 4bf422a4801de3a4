package dev.hotframe.devserver.serve;

import dev.hotframe.devserver.assets.AssetCatalog;
import dev.hotframe.devserver.assets.AssetSet;
import dev.hotframe.devserver.compile.Classification;
import dev.hotframe.devserver.compile.JavaBuild;
import dev.hotframe.devserver.libs.LibraryChange;
import dev.hotframe.devserver.libs.LibraryShelf;
import dev.hotframe.devserver.project.Project;
import dev.hotframe.devserver.scene.SceneStore;
import dev.hotframe.devserver.watch.ChangeBatch;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.Library;
import dev.hotframe.wire.SceneChange;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.UpdateMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a batch of changed files into updates: scene files become scene patches without
 * javac; Java files are compiled and become class updates; images, fonts and shaders in the
 * assets folder become asset updates by content hash; failures become error updates while
 * viewers keep what they run. Runs on one thread, one batch at a time.
 */
final class ChangePipeline {

    private static final Logger log = LoggerFactory.getLogger(ChangePipeline.class);

    private final Project project;
    private final JavaBuild build;
    private final SceneStore scenes;
    private final Publisher publisher;
    private final IntSupplier viewerCount;
    private final LibraryShelf shelf;
    private final SeenFiles seen = new SeenFiles();
    private Set<Path> carried = Set.of();
    private final AssetCatalog assets;
    private final WritesInFlight writes;

    /** @param viewerCount how many viewers an update goes to, for the log line */
    ChangePipeline(Project project, JavaBuild build, SceneStore scenes, Publisher publisher, IntSupplier viewerCount,
                   AssetCatalog assets, LibraryShelf shelf) {
        this(project, build, scenes, publisher, viewerCount, assets, shelf, WritesInFlight::pause);
    }

    /** @param settle waits a moment for a writer to finish, before files that did not parse or compile are read again */
    ChangePipeline(Project project, JavaBuild build, SceneStore scenes, Publisher publisher, IntSupplier viewerCount,
                   AssetCatalog assets, LibraryShelf shelf, Runnable settle) {
        this.writes = new WritesInFlight(project.root(), seen, settle);
        this.project = project;
        this.build = build;
        this.scenes = scenes;
        this.publisher = publisher;
        this.viewerCount = viewerCount;
        this.shelf = shelf;
        this.assets = assets;
        seen.remember(allFiles());
    }

    void onBatch(ChangeBatch batch) {
        Set<Path> paths = new TreeSet<>(batch.paths());
        if (batch.overflow()) {
            paths.addAll(allFiles());
            paths.addAll(seen.paths());
        }
        List<Path> sceneFiles = new ArrayList<>();
        List<Path> javaFiles = new ArrayList<>();
        boolean pomChanged = false;
        List<Path> assetFiles = new ArrayList<>();
        for (Path gone : List.copyOf(paths)) {
            if (!seen.knows(gone) && !Files.exists(gone)) {
                // A deleted or moved folder is one event; the files that were in it are gone too.
                paths.addAll(seen.inside(gone));
            }
        }
        for (Path path : paths) {
            if (Files.isDirectory(path) || !seen.changed(path)) {
                continue;
            }
            if (scenes.isScene(path)) {
                sceneFiles.add(path);
            } else if (path.startsWith(project.sources()) && path.toString().endsWith(".java")) {
                javaFiles.add(path);
            } else if (path.equals(project.root().resolve("pom.xml"))) {
                pomChanged = true;
                log.info("{} changed: resolving the classpath again and rebuilding", project.relative(path));
            } else if (assets.isAsset(path)) {
                assetFiles.add(path);
            }
        }
        if (!sceneFiles.isEmpty()) {
            scenes(sceneFiles, batch);
        }
        if (!assetFiles.isEmpty()) {
            assets(assetFiles, batch);
        }
        if (!javaFiles.isEmpty() || build.owesBuild() || pomChanged) {
            java(javaFiles, batch);
        }
    }

    private void scenes(List<Path> files, ChangeBatch batch) {
        long start = System.nanoTime();
        SceneStore.Result result = readAgainWhileWriting(scenes.changed(files));
        long diffMs = (System.nanoTime() - start) / 1_000_000;
        Map<String, List<Diagnostic>> problems = new HashMap<>(publisher.published().sceneProblems());
        files.forEach(f -> problems.remove(project.relative(f)));
        result.errors().forEach(d -> problems.computeIfAbsent(d.file(), k -> new ArrayList<>()).add(d));
        List<String> okFiles = files.stream().map(project::relative).filter(f -> !problems.containsKey(f)).toList();
        Map<String, Long> phases = phases(batch, Map.of("diff", diffMs));
        if (!result.changes().isEmpty() || result.errors().isEmpty()) {
            var sent = publisher.publish(p -> p.withScenes(scenes.scenes(), problems),
                    seq -> new ServerMessage.SceneUpdate(new UpdateMeta(seq, okFiles, batch.firstSeenAtMs(), phases), result.changes()));
            int ops = result.changes().stream().mapToInt(c -> Math.max(1, c.ops().size())).sum();
            log.info("#{} scene   {}: {} op{} in {} ms -> {}", sent.meta().seq(), String.join(", ", okFiles), ops,
                    ops == 1 ? "" : "s", diffMs, viewers());
        }
        if (!result.errors().isEmpty()) {
            List<String> bad = result.errors().stream().map(Diagnostic::file).distinct().toList();
            var sent = publisher.publish(p -> p.withScenes(scenes.scenes(), problems),
                    seq -> new ServerMessage.UpdateFailed(new UpdateMeta(seq, bad, batch.firstSeenAtMs(), phases), result.errors()));
            log.warn("#{} error   scene file does not parse; viewers keep the last good scene:\n{}", sent.meta().seq(),
                    lines(result.errors()));
        }
    }

    /** {@code result}, with the scene files that were still being written when they did not parse read again. */
    private SceneStore.Result readAgainWhileWriting(SceneStore.Result first) {
        SceneStore.Result result = first;
        for (int tries = 0; tries < WritesInFlight.TRIES && !result.errors().isEmpty(); tries++) {
            List<Path> rewritten = writes.rewritten(result.errors());
            if (rewritten.isEmpty()) {
                break;
            }
            SceneStore.Result again = scenes.changed(rewritten);
            Set<String> reread = rewritten.stream().map(project::relative).collect(java.util.stream.Collectors.toSet());
            List<SceneChange> changes = new ArrayList<>(result.changes());
            changes.addAll(again.changes());
            List<Diagnostic> errors = new ArrayList<>(result.errors().stream().filter(d -> !reread.contains(d.file())).toList());
            errors.addAll(again.errors());
            result = new SceneStore.Result(changes, errors);
        }
        return result;
    }

    private void assets(List<Path> files, ChangeBatch batch) {
        long start = System.nanoTime();
        AssetCatalog.Result result = assets.changed(files);
        long hashMs = (System.nanoTime() - start) / 1_000_000;
        Map<String, Long> phases = phases(batch, Map.of("hash", hashMs));
        if (!result.changed().isEmpty() || !result.removed().isEmpty() || !result.fixed().isEmpty()) {
            List<String> names = new ArrayList<>();
            result.changed().forEach(a -> names.add(a.path()));
            names.addAll(result.removed());
            names.addAll(result.fixed());
            AssetSet now = assets.published();
            var sent = publisher.publish(p -> p.withAssets(now), seq -> new ServerMessage.AssetUpdate(
                    new UpdateMeta(seq, names, batch.firstSeenAtMs(), phases), result.changed(), result.removed()));
            long bytes = result.changed().stream().mapToLong(a -> a.bytes().length).sum();
            log.info("#{} asset   {}: {} changed ({} bytes), {} removed -> {}", sent.meta().seq(), String.join(", ", names),
                    result.changed().size(), bytes, result.removed().size(), viewers());
        }
        if (!result.errors().isEmpty()) {
            List<Diagnostic> errors = new ArrayList<>();
            result.errors().values().forEach(errors::addAll);
            List<String> bad = List.copyOf(result.errors().keySet());
            AssetSet now = assets.published();
            var sent = publisher.publish(p -> p.withAssets(now),
                    seq -> new ServerMessage.UpdateFailed(new UpdateMeta(seq, bad, batch.firstSeenAtMs(), phases), errors));
            log.warn("#{} error   asset not sent; viewers keep the last good one:\n{}", sent.meta().seq(), lines(errors));
        }
    }

    private void java(List<Path> files, ChangeBatch batch) {
        java(files, batch, 0);
    }

    /** @param depth how many times files that did not compile were found still being written and built again */
    private void java(List<Path> files, ChangeBatch batch, int depth) {
        Set<Path> changed = new LinkedHashSet<>(carried);
        changed.addAll(files);
        List<String> names = changed.stream().map(project::relative).toList();
        JavaBuild.Result result = build.changed(Set.copyOf(files), batch.newerChanges());
        for (int tries = 0; tries < WritesInFlight.TRIES && result instanceof JavaBuild.Failed failed
                && !writes.rewritten(failed.errors()).isEmpty(); tries++) {
            result = build.changed(Set.copyOf(files), batch.newerChanges());
        }
        if (result instanceof JavaBuild.Superseded superseded) {
            carried = changed;
            log.debug("gave up compiling {} after {} ms: more changes arrived, compiling them all together", names,
                    superseded.compileMs());
            return;
        }
        carried = Set.of();
        if (result instanceof JavaBuild.Failed failed) {
            Map<String, Long> phases = phases(batch, Map.of("compile", failed.compileMs()));
            var sent = publisher.publish(p -> p.withJavaProblems(failed.errors()),
                    seq -> new ServerMessage.UpdateFailed(new UpdateMeta(seq, names, batch.firstSeenAtMs(), phases), failed.errors()));
            log.warn("#{} error   compile failed in {} ms; viewers keep the last good classes:\n{}", sent.meta().seq(),
                    failed.compileMs(), lines(failed.errors()));
            return;
        }
        JavaBuild.Built built = (JavaBuild.Built) result;
        List<Library> nowLibraries = shelf.describe(build.settings().libraries());
        Optional<String> libraryChange = LibraryChange.describe(publisher.published().libraries(), nowLibraries);
        Classification c = libraryChange.map(change -> withLibraries(built.classification(), change))
                .orElse(built.classification());
        boolean librariesChanged = libraryChange.isPresent();
        if (built.errors().isEmpty() || !c.changed().isEmpty() || !c.removed().isEmpty() || librariesChanged) {
            List<ClassFile> classes = new ArrayList<>();
            built.classes().forEach((name, bytes) -> classes.add(new ClassFile(name, bytes)));
            Map<String, Long> phases = phases(batch, Map.of("compile", built.compileMs(), "classify", built.classifyMs()));
            Map<String, byte[]> all = build.classes();
            publisher.publish(p -> p.withClasses(all, built.errors(), librariesChanged ? nowLibraries : p.libraries()),
                    seq -> new ServerMessage.CodeUpdate(new UpdateMeta(seq, names, batch.firstSeenAtMs(), phases), c.tier(),
                            c.reason(), classes, c.removed(), librariesChanged ? nowLibraries : null));
            log.info("{} in {} ms -> {}{}", c.summary(), System.currentTimeMillis() - batch.firstSeenAtMs(), viewers(),
                    c.structural() ? ": " + c.reason() : "");
        }
        List<Path> rewritten = built.errors().isEmpty() || depth >= WritesInFlight.TRIES ? List.of() : writes.rewritten(built.errors());
        if (!rewritten.isEmpty()) {
            java(rewritten, batch, depth + 1);
        } else if (!built.errors().isEmpty()) {
            List<String> broken = built.errors().stream().map(Diagnostic::file).distinct().toList();
            Map<String, Long> phases = phases(batch, Map.of("compile", built.compileMs()));
            var sent = publisher.publish(p -> p.withJavaProblems(built.errors()),
                    seq -> new ServerMessage.UpdateFailed(new UpdateMeta(seq, broken, batch.firstSeenAtMs(), phases), built.errors()));
            log.warn("#{} error   {} do{} not compile and keep{} the last good classes; the rest went ahead:\n{}",
                    sent.meta().seq(), String.join(", ", broken), broken.size() == 1 ? "es" : "", broken.size() == 1 ? "s" : "",
                    lines(built.errors()));
        }
    }

    /** A change of run-time libraries needs at least a reload, and says so in the reason. */
    private static Classification withLibraries(Classification c, String change) {
        return new Classification(c.structural() ? c.tier() : Tier.RELOAD, c.changed().isEmpty() && c.removed().isEmpty() ? change
                : c.reason() + "; " + change, c.changed(), c.removed());
    }

    private static Map<String, Long> phases(ChangeBatch batch, Map<String, Long> more) {
        Map<String, Long> phases = new LinkedHashMap<>();
        phases.put("detect", batch.closedAtMs() - batch.firstSeenAtMs());
        phases.putAll(more);
        return phases;
    }

    private String viewers() {
        int n = viewerCount.getAsInt();
        return n + " viewer" + (n == 1 ? "" : "s");
    }

    private static String lines(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        diagnostics.forEach(d -> out.append("  ").append(d).append('\n'));
        return out.toString().stripTrailing();
    }

    private List<Path> allFiles() {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(project.sources(), project.scenes(), project.assets())) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    walk.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).forEach(files::add);
                } catch (IOException e) {
                    log.warn("cannot list {}: {}; changes there may be missed until the next edit", folder, e.toString());
                }
            }
        }
        return files;
    }
}
