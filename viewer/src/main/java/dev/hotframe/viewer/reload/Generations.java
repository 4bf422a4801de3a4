package dev.hotframe.viewer.reload;

import dev.hotframe.viewer.assets.AssetResources;
import dev.hotframe.viewer.reload.guard.Watchdog;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The app's generations one after another: makes the next one from a class set (under the load
 * budget, initializing up front the classes the running one had initialized), lets the
 * {@link Swap} carry the state into it, and keeps the one it replaced in the {@link History}
 * for undo; or redefines the running one in place. A step that fails leaves the running
 * generation as it was.
 */
final class Generations {

    private final Redefiner redefiner;
    private final Watchdog watchdog;
    private final Swap swap;
    private final History history;
    private final Unloading unloading;
    private int made;
    private AssetResources resources;

    Generations(Redefiner redefiner, Watchdog watchdog, Swap swap, int undoDepth, Unloading unloading) {
        this.redefiner = redefiner;
        this.watchdog = watchdog;
        this.swap = swap;
        this.history = new History(undoDepth);
        this.unloading = unloading;
    }

    /** Serves {@code resources} through the class loaders of the generations made from now on. */
    void serveResources(AssetResources resources) {
        this.resources = resources;
    }

    /** How many earlier generations {@link #undo()} can go back to. */
    int undoDepth() {
        return history.size();
    }

    /** The first generation: the app's {@code initialState()}. */
    Applied start(String appClass, Map<String, byte[]> classes, ClassLoader libraries) {
        String step = "start " + simple(appClass);
        Map<String, Long> phases = new LinkedHashMap<>();
        Applied applied = load(appClass, classes, libraries, Tier.RELOAD, step, phases,
                generation -> swap.start(generation, "started " + simple(appClass), phases));
        return applied.ok() ? applied : Applied.failed(Tier.RELOAD, step, applied.error(), applied.phasesMs());
    }

    /** A new generation of {@code classes} in place of the running one: a reload (the state migrated) or a restart. */
    Applied replace(String appClass, Map<String, byte[]> classes, ClassLoader libraries, Tier tier, String reason) {
        Map<String, Long> phases = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        long start = System.nanoTime();
        History.Entry before = swap.remember(swap.current().appClass(), warnings);
        Generation old = swap.current();
        Object oldState = swap.state();
        phases.put("save", Swap.ms(start));
        Applied applied = load(appClass, classes, libraries, tier, reason, phases, generation -> tier == Tier.RESTART
                ? swap.restart(generation, before.state(), reason, warnings, phases)
                : swap.reload(generation, before.state(), reason, warnings, phases));
        if (applied.ok()) {
            history.push(before);
            return drop(old, oldState, applied);
        }
        return applied;
    }

    /** Goes back to the generation replaced last, with its code and state exactly as they were. */
    Applied undo() {
        History.Entry entry = history.pop();
        if (entry == null) {
            return Applied.failed(Tier.UNDO, "nothing to undo", "no earlier generation is kept", Map.of());
        }
        String reason = "back to the code and state of generation " + entry.generation();
        Map<String, Long> phases = new LinkedHashMap<>();
        Generation old = swap.current();
        Object oldState = swap.state();
        Applied applied = load(entry.appClass(), entry.classes(), entry.libraries(), Tier.UNDO, reason, phases,
                generation -> swap.restore(generation, entry, reason, phases));
        if (!applied.ok()) {
            history.restore(entry);
            return applied;
        }
        return drop(old, oldState, applied);
    }

    /** New method bodies for the running generation; the code and state it had are kept for undo. */
    Redefiner.Result redefine(List<ClassFile> changed, Map<String, Long> phases) {
        History.Entry before = swap.remember(swap.current().appClass(), new ArrayList<>());
        Redefiner.Result result = redefiner.redefine(swap.current().loader(), changed, phases);
        if (result instanceof Redefiner.Redefined) {
            history.push(before);
            swap.checkpoint(before.state());
        }
        return result;
    }

    /** Lets go of the running generation as the viewer closes: its {@code onUnload}, then its threads are named. */
    void close() {
        if (swap.current() != null) {
            unloading.drop(swap.current(), swap.state(), "as the viewer closes");
        }
    }

    /** {@code applied}, with the warnings of letting go of {@code old}, which it replaced. */
    private Applied drop(Generation old, Object state, Applied applied) {
        List<String> warnings = new ArrayList<>(applied.warnings());
        warnings.addAll(unloading.drop(old, state, "after the " + applied.tier()));
        return new Applied(applied.tier(), applied.reason(), true, null, warnings, applied.phasesMs());
    }

    /**
     * Loads a generation under the load budget and hands it to {@code then}; if it cannot be
     * loaded, the update fails at {@code tier}.
     */
    private Applied load(String appClass, Map<String, byte[]> classes, ClassLoader parent, Tier tier, String reason,
                         Map<String, Long> phases, Function<Generation, Applied> then) {
        long start = System.nanoTime();
        Generation[] loaded = new Generation[1];
        List<String> warmUp = swap.current() != null ? swap.current().loader().initializedNames() : List.of();
        int number = made + 1;
        AssetResources served = resources;
        Watchdog.Outcome outcome = watchdog.run("loading " + simple(appClass),
                () -> loaded[0] = Generation.load(number, appClass, classes, parent, warmUp, served));
        phases.put("load", Swap.ms(start));
        if (outcome instanceof Watchdog.Threw threw) {
            return Applied.failed(tier, reason, "the new code could not be loaded: " + AppFailure.oneLine(threw), phases);
        }
        made = number;
        Applied applied = then.apply(loaded[0]);
        if (applied.ok()) {
            return applied;
        }
        List<String> warnings = unloading.abandon(loaded[0]);
        return warnings.isEmpty() ? applied : new Applied(applied.tier(), applied.reason(), false, applied.error(), warnings,
                applied.phasesMs());
    }

    private static String simple(String name) {
        return name == null ? "?" : name.substring(name.lastIndexOf('.') + 1);
    }
}
