package dev.hotframe.viewer.frame;

import dev.hotframe.viewer.assets.AssetStore;
import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.Applied;
import dev.hotframe.viewer.render.Overlay;
import dev.hotframe.viewer.scene.RetainedScenes;
import dev.hotframe.wire.AssetFile;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.UpdateMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one update to the app host, the retained scenes and the assets, keeps the set of open
 * problems for the overlay, and describes the outcome as an {@link UpdateRecord}.
 */
final class UpdateApplier implements ServerMessage.Update.Handler<Applied> {

    private static final Logger log = LoggerFactory.getLogger(UpdateApplier.class);

    private final AppHost host;
    private final RetainedScenes scenes;
    private final Overlay overlay;
    private final Runnable resync;
    private final AssetStore assets;
    private final Map<String, List<Diagnostic>> problems = new TreeMap<>();
    // Why the last code update or snapshot could not be applied; shown until one applies.
    private final List<Diagnostic> failures = new ArrayList<>();

    UpdateApplier(AppHost host, RetainedScenes scenes, Overlay overlay, Runnable resync, AssetStore assets) {
        this.host = host;
        this.scenes = scenes;
        this.overlay = overlay;
        this.resync = resync;
        this.assets = assets;
    }

    UpdateRecord apply(ServerMessage.Update message) {
        long start = System.nanoTime();
        Applied applied = message.accept(this);
        long applyMs = (System.nanoTime() - start) / 1_000_000;
        keepFailure(message, applied);
        showProblems();
        UpdateMeta meta = message.meta();
        String files = meta.files().isEmpty() ? "" : " " + String.join(", ", meta.files());
        if (applied.ok()) {
            log.info("#{} {}{}: {} ({} ms)", meta.seq(), applied.tier(), files, applied.reason(), applyMs);
            String warned = applied.warnings().isEmpty() ? "" : " \u00b7 " + applied.warnings().size()
                    + (applied.warnings().size() == 1 ? " warning" : " warnings");
            overlay.toast(applied.tier() + " " + applied.reason() + " \u00b7 " + applyMs + " ms" + warned, System.currentTimeMillis());
        } else {
            log.warn("#{} {}{}: {}", meta.seq(), applied.tier(), files, applied.error());
        }
        return new UpdateRecord(meta.seq(), applied.tier(), meta.files(), meta.detectedAtMs(), System.currentTimeMillis(), 0,
                applied.ok(), applied.ok() ? null : applied.error(), applied.reason(), meta.phasesMs(), applyMs,
                host.generation(), applied.warnings(), applied.phasesMs());
    }

    @Override
    public Applied snapshot(ServerMessage.Snapshot snapshot) {
        scenes.replaceAll(snapshot.scenes());
        problems.clear();
        snapshot.problems().forEach(this::addProblem);
        AssetStore.Outcome held = assets.replaceAll(snapshot.assets());
        held.problems().values().forEach(list -> list.forEach(this::addProblem));
        Applied started = host.start(snapshot.appClass(), snapshot.classes(), snapshot.libraries());
        return new Applied(Tier.SNAPSHOT, started.reason(), started.ok() && problems.isEmpty(),
                started.error() != null ? started.error() : problemText(), started.warnings(), started.phasesMs());
    }

    @Override
    public Applied scene(ServerMessage.SceneUpdate update) {
        try {
            scenes.apply(update.changes());
        } catch (IllegalArgumentException e) {
            resync.run();
            return new Applied(Tier.SCENE, "patch did not apply; resynchronizing", false, e.getMessage(), List.of());
        }
        update.meta().files().forEach(problems::remove);
        int ops = update.changes().stream().mapToInt(c -> Math.max(1, c.ops().size())).sum();
        return new Applied(Tier.SCENE, ops + " op" + (ops == 1 ? "" : "s"), true, null, List.of());
    }

    @Override
    public Applied code(ServerMessage.CodeUpdate update) {
        Applied result = host.apply(update.tier(), update.reason(), update.classes(), update.removed(), update.libraries());
        if (result.ok()) {
            problems.keySet().removeIf(file -> file.endsWith(".java"));
        }
        return result;
    }

    @Override
    public Applied asset(ServerMessage.AssetUpdate update) {
        AssetStore.Outcome outcome = assets.apply(update.assets(), update.removed());
        update.meta().files().forEach(problems::remove);
        outcome.problems().values().forEach(list -> list.forEach(this::addProblem));
        List<String> errors = new ArrayList<>();
        outcome.problems().values().forEach(list -> list.forEach(d -> errors.add(d.toString())));
        return new Applied(Tier.ASSET, outcome.summary(), outcome.ok(), outcome.ok() ? null : String.join("\n", errors),
                List.of());
    }

    @Override
    public Applied failed(ServerMessage.UpdateFailed failed) {
        failed.meta().files().forEach(problems::remove);
        failed.diagnostics().forEach(this::addProblem);
        return new Applied(Tier.ERROR, "the change did not build", false, problemText(), List.of());
    }

    private void addProblem(Diagnostic d) {
        problems.computeIfAbsent(d.file(), f -> new ArrayList<>()).add(d);
    }

    private String problemText() {
        if (problems.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        problems.values().forEach(list -> list.forEach(d -> lines.add(d.toString())));
        return String.join("\n", lines);
    }

    /**
     * A code update or snapshot that did not apply is shown, with its reason, until one applies;
     * the others show their own problems (compile errors, scene and asset errors).
     */
    private void keepFailure(ServerMessage.Update message, Applied applied) {
        boolean code = message instanceof ServerMessage.CodeUpdate || message instanceof ServerMessage.Snapshot;
        if (!code) {
            return;
        }
        failures.clear();
        if (!applied.ok() && applied.error() != null && !applied.error().equals(problemText())) {
            List<String> files = message.meta().files().isEmpty() ? List.of("") : message.meta().files();
            files.forEach(file -> failures.add(new Diagnostic(file, 0, 0, applied.tier() + " failed: " + applied.error())));
        }
    }

    private void showProblems() {
        List<Diagnostic> all = new ArrayList<>(failures);
        problems.values().forEach(all::addAll);
        if (!failures.isEmpty()) {
            overlay.diagnostics("Update failed (running the last good code)", all);
            return;
        }
        boolean java = problems.keySet().stream().anyMatch(f -> f.endsWith(".java"));
        boolean shader = problems.keySet().stream().anyMatch(f -> AssetFile.Kind.of(f) == AssetFile.Kind.SHADER);
        boolean asset = problems.keySet().stream().anyMatch(f -> AssetFile.Kind.of(f) != null);
        overlay.diagnostics(java ? "Compile error (running the last good code)"
                : shader ? "Shader error (running the last good shader)"
                : asset ? "Asset error (showing the last good version)"
                : "Scene error (showing the last good scene)", all);
    }
}
