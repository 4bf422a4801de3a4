package dev.hotframe.viewer.frame;

import dev.hotframe.app.InputEvent;
import dev.hotframe.viewer.assets.AssetResources;
import dev.hotframe.viewer.assets.AssetStore;
import dev.hotframe.viewer.assets.Assets;
import dev.hotframe.viewer.inspect.Inspector;
import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.Applied;
import dev.hotframe.viewer.render.Fonts;
import dev.hotframe.viewer.render.Hud;
import dev.hotframe.viewer.render.Overlay;
import dev.hotframe.viewer.scene.RetainedScenes;
import dev.hotframe.viewer.scene.SceneRenderer;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.Tier;
import dev.hotframe.wire.ViewerMessage;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The render thread's loop. Between frames it applies the updates handed over through its {@link Inbox},
 * then runs the app's input, update and render, each under the watchdog (see
 * {@link AppRunner}): an exception keeps the last good frame on screen under an error overlay,
 * and the next frame tries again; a runaway is stopped and pauses the app until its code
 * changes. After the first frame of each update it reports the update (ack, and the headless
 * record). F1 hides the overlay; F2 goes back to the previous generation (undo); F5 creates the
 * app again from its code, keeping the state ({@link AppRestart}); F3 shows or hides the HUD (frame rate, backend, last reload's phases), which is off by default headless. Requests from
 * the dashboard are answered between frames by the {@link Inspector}.
 */
public final class FrameLoop {

    private static final Logger log = LoggerFactory.getLogger(FrameLoop.class);
    /** How long one call into the app ({@code update}, {@code render}, one input event) may run. */
    public static final Duration FRAME_BUDGET = Duration.ofSeconds(2);
    private static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(1);

    private final RenderTarget target;
    private final AppHost host;
    private final AppRunner runner;
    private final RetainedScenes scenes = new RetainedScenes();
    private final AssetStore assets = new AssetStore();
    private final Overlay overlay;
    private final Hud hud;
    private final SceneRenderer sceneRenderer;
    private final UpdateApplier applier;
    private final FrameReport report;
    private final Consumer<ViewerMessage> acks;
    private final Inspector inspector;
    private final AppRestart restart;
    private final long frameNanos;
    private final Inbox inbox;
    private final ConcurrentLinkedQueue<InputEvent> inputs = new ConcurrentLinkedQueue<>();
    private double pointerX;
    private double pointerY;
    private String shownTitle;
    private volatile long lastAppliedSeq;
    private Image lastGood;
    private String lastRuntimeError;
    private List<String> reloadWarnings = List.of();
    private boolean undoRequested;

    /**
     * @param recorder where headless output goes, or null
     * @param inbox    what the network and the signal handlers hand to the loop
     * @param acks     sends acks and replies to the server
     * @param resync   asks the connection to fetch a fresh snapshot
     */
    public FrameLoop(RenderTarget target, AppHost host, Fonts fonts, FrameLog recorder, int fps, Inbox inbox,
                     Consumer<ViewerMessage> acks, Runnable resync) {
        this(target, host, fonts, recorder, fps, inbox, acks, resync, FRAME_BUDGET, SceneRenderer.DRAW_LIMIT);
    }

    /**
     * @param frameBudget how long one call into the app may run before the watchdog stops it
     * @param drawLimit   how long the viewer may draw one scene node before it holds the node
     */
    FrameLoop(RenderTarget target, AppHost host, Fonts fonts, FrameLog recorder, int fps, Inbox inbox,
              Consumer<ViewerMessage> acks, Runnable resync, Duration frameBudget, Duration drawLimit) {
        this.target = target;
        this.inbox = inbox;
        this.host = host;
        host.serveResources(new AssetResources(assets.held()));
        this.runner = new AppRunner(host, frameBudget, CHECKPOINT_EVERY);
        this.overlay = new Overlay(fonts, recorder == null);
        this.hud = new Hud(fonts, recorder == null);
        hud.backend(target.describe());
        this.sceneRenderer = new SceneRenderer(assets, drawLimit);
        this.applier = new UpdateApplier(host, scenes, overlay, resync, assets);
        this.report = new FrameReport(target, host, recorder, acks);
        this.acks = acks;
        this.restart = new AppRestart(host, runner, overlay, acks);
        this.inspector = new Inspector(host, this::undo, () -> {
            Applied applied = restart.run();
            restarted(applied);
            return applied;
        }, acks);
        this.frameNanos = 1_000_000_000L / Math.max(1, fps);
    }

    /** The project's assets as this viewer holds them; render thread only (the scene renderer draws through it). */
    public Assets assets() {
        return assets;
    }

    /** The sequence number of the last update applied, for the hello after a reconnect. */
    public long lastAppliedSeq() {
        return lastAppliedSeq;
    }

    /** Shows or hides the HUD (F3 does the same). */
    public void showHud(boolean show) {
        if (hud.visible() != show) {
            hud.toggle();
        }
    }

    /** Runs until the inbox is told to stop or the window closes. */
    public void run() {
        long start = System.nanoTime();
        long previous = start;
        while (!inbox.stopping() && !target.closeRequested()) {
            long frameStart = System.nanoTime();
            target.poll(this::input);
            String connection = inbox.takeConnection();
            if (connection != null) {
                hud.connection(connection);
            }
            boolean stateChanged = false;
            if (undoRequested) {
                undoRequested = false;
                Applied undone = undo();
                acks.accept(new ViewerMessage.Undone(null, undone.ok(), undone.ok() ? undone.reason() : undone.error(),
                        host.generation()));
                stateChanged = undone.ok();
            }
            stateChanged |= restarted(restart.runIfRequested());
            inbox.drainRequests(inspector::offer);
            stateChanged |= inspector.beforeFrame();
            List<UpdateRecord> applied = applyPending();
            double dt = Math.min(0.1, (frameStart - previous) / 1e9);
            previous = frameStart;
            String error = frame(dt, (frameStart - start) / 1e9);
            inspector.afterFrame(target::snapshot);
            target.present();
            hud.frame(frameStart, System.nanoTime());
            if (!applied.isEmpty()) {
                List<String> warnings = new ArrayList<>(runner.warnings());
                warnings.addAll(sceneRenderer.slowNodes());
                report.updates(applied, error, warnings);
            } else {
                report.between(stateChanged);
            }
            title();
            pace(frameStart);
        }
        host.close();
        assets.close();
    }

    private void input(InputEvent event) {
        if (event instanceof InputEvent.Key key && key.key().matches("F[1235]")) {
            if (key.pressed() && key.key().equals("F1")) {
                overlay.toggle();
            } else if (key.pressed() && key.key().equals("F2")) {
                undoRequested = true;
            } else if (key.pressed() && key.key().equals("F5")) {
                restart.request();
            } else if (key.pressed()) {
                hud.toggle();
            }
            return;
        }
        inputs.add(event);
    }

    /** Goes back to the previous generation's code and state; the server's code returns with its next update. */
    private Applied undo() {
        Applied applied = host.rollback();
        long now = System.currentTimeMillis();
        if (applied.ok()) {
            log.info("undo: {}", applied.reason());
            runner.resume();
            reloadWarnings = applied.warnings();
            overlay.toast("undo: " + applied.reason(), now);
        } else {
            log.warn("undo failed: {}", applied.error());
            overlay.toast("undo: " + applied.error(), now);
        }
        return applied;
    }

    /** Takes the warnings of a restart ({@code applied} null when none was asked); true when it happened. */
    private boolean restarted(Applied applied) {
        reloadWarnings = applied != null && applied.ok() ? applied.warnings() : reloadWarnings;
        return applied != null && applied.ok();
    }

    private List<UpdateRecord> applyPending() {
        List<UpdateRecord> applied = new ArrayList<>();
        Inbox.Incoming incoming;
        while ((incoming = inbox.nextUpdate()) != null) {
            ServerMessage.Update message = incoming.update();
            try {
                UpdateRecord record = applier.apply(message).from(incoming.server());
                applied.add(record);
                hud.reloaded(record.tier(), record.ok(), record.serverPhasesMs(), record.applyMs());
                if (record.changedCode()) {
                    runner.resume();
                    reloadWarnings = record.warnings();
                }
                if (record.changedDrawing()) {
                    sceneRenderer.drawingChanged();
                    runner.drawingChanged();
                }
            } catch (RuntimeException e) {
                log.error("applying update #{} failed unexpectedly; keeping the current code", message.meta().seq(), e);
                var meta = message.meta();
                applied.add(new UpdateRecord(meta.seq(), Tier.ERROR, meta.files(), meta.detectedAtMs(), System.currentTimeMillis(),
                        0, false, e.toString(), "internal error", meta.phasesMs(), 0, host.generation()));
            }
            lastAppliedSeq = message.meta().seq();
            lastRuntimeError = null;
        }
        return applied;
    }

    /** Draws one frame; returns the app's exception text, or null when the frame drew cleanly. */
    private String frame(double dt, double time) {
        Surface surface = target.surface();
        Canvas canvas = surface.getCanvas();
        String error = null;
        if (host.running() && runner.paused() == null) {
            InputEvent event;
            while (error == null && (event = inputs.poll()) != null) {
                if (event instanceof InputEvent.Pointer pointer) {
                    pointerX = pointer.x();
                    pointerY = pointer.y();
                }
                error = runner.input(event);
                for (dev.hotframe.app.Action action : sceneRenderer.events().actionsFor(event)) {
                    if (error == null) {
                        error = runner.action(action);
                    }
                }
            }
            if (error == null) {
                error = runner.update(dt);
            }
            canvas.save();
            canvas.scale(target.scale(), target.scale());
            sceneRenderer.beginFrame(canvas.getLocalToDeviceAsMatrix33().getMat());
            if (error == null) {
                FrameContext.View view = new FrameContext.View(target.width(), target.height(), target.scale(), pointerX, pointerY);
                error = runner.render(new FrameContext(canvas, view, time, scenes, sceneRenderer,
                        host::stateTree, assets));
            }
            canvas.restoreToCount(1);
            if (error == null) {
                sceneRenderer.endFrame();
                runner.drewCleanly(System.nanoTime());
            }
        } else {
            inputs.clear();
            error = runner.paused();
            if (error == null) {
                canvas.clear(0xFF101418);
            }
        }
        if (error != null && lastGood != null) {
            canvas.clear(0xFF000000);
            canvas.drawImage(lastGood, 0, 0);
        }
        runtimeError(error);
        if (error == null) {
            if (lastGood != null) {
                lastGood.close();
            }
            lastGood = surface.makeImageSnapshot();
        }
        List<String> warnings = new ArrayList<>(reloadWarnings);
        warnings.addAll(sceneRenderer.drainWarnings());
        warnings.addAll(runner.warnings());
        overlay.warnings(warnings);
        canvas.save();
        canvas.scale(target.scale(), target.scale());
        overlay.draw(canvas, target.width(), target.height(), System.currentTimeMillis());
        hud.draw(canvas, target.width());
        canvas.restore();
        return error;
    }

    private void title() {
        String app = host.running() ? host.app().getClass().getSimpleName() : null;
        String title = hud.title(app);
        if (!title.equals(shownTitle)) {
            shownTitle = title;
            target.title(title);
        }
    }

    private void runtimeError(String error) {
        if (error != null && !error.equals(lastRuntimeError)) {
            log.warn("app error: {}", error);
        }
        lastRuntimeError = error;
        overlay.runtimeError(error);
    }

    private void pace(long frameStart) {
        long remaining = frameNanos - (System.nanoTime() - frameStart);
        if (remaining <= 0) {
            return;
        }
        try {
            inbox.pause(remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inbox.stop();
        }
    }
}
