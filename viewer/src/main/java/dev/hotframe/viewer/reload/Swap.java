package dev.hotframe.viewer.reload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.viewer.reload.guard.Watchdog;
import dev.hotframe.wire.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running generation with its state, attic and checkpoint, and the ways a new generation
 * takes over: start (a first {@code initialState()}), reload (the state migrated), restart
 * ({@code initialState()} again, the last state restored over it) and undo (a kept state
 * restored exactly). Each runs the app's code under the watchdog; each leaves everything as it
 * was when it fails.
 */
final class Swap {

    private static final Logger log = LoggerFactory.getLogger(Swap.class);

    private final Watchdog watchdog;
    private Generation current;
    private Object state;
    private Attic attic = Attic.EMPTY;
    /** The state as a tree at a good moment: the last update, or the last {@link #checkpointNow()}. */
    private JsonNode checkpoint;

    /** A migration's outcome: the state in the new classes, or why not. */
    private sealed interface Moved permits Kept, NotKept {
    }

    /** The state, migrated. */
    private record Kept(StateMigration.Migrated migrated) implements Moved {
    }

    /** Why the state was not migrated. */
    private sealed interface NotKept extends Moved permits CannotKeep, Failed {
        String why();
    }

    /** The state does not fit the new classes: a reload escalates to a restart. */
    private record CannotKeep(String why) implements NotKept {
    }

    /** The app's code failed or ran away while the state was migrated: the update fails. */
    private record Failed(String why) implements NotKept {
    }

    Swap(Watchdog watchdog) {
        this.watchdog = watchdog;
    }

    Generation current() {
        return current;
    }

    Object state() {
        return state;
    }

    Attic attic() {
        return attic;
    }

    /** The running generation as an undo entry, with its state saved now; {@code warnings} gets what could not be saved. */
    History.Entry remember(String appClass, List<String> warnings) {
        return new History.Entry(current.number(), appClass, current.loader().classes(),
                state == null ? null : state.getClass().getName(), save(warnings), attic, current.loader().getParent());
    }

    void checkpoint(JsonNode tree) {
        checkpoint = tree;
    }

    void checkpointNow() {
        if (current != null && state != null) {
            try {
                checkpoint = current.codec().toTree(state);
            } catch (RuntimeException e) {
                log.debug("no checkpoint: {}", e.getMessage());
            }
        }
    }

    CheckpointRestore restoreCheckpoint() {
        if (current == null || state == null) {
            return new CheckpointRestore.NoState();
        }
        if (checkpoint == null) {
            return new CheckpointRestore.NotRestored("no snapshot of it was taken yet");
        }
        Moved moved = migrate(current, checkpoint, state.getClass(), null, new LinkedHashMap<>());
        if (moved instanceof NotKept notKept) {
            return new CheckpointRestore.NotRestored("the snapshot could not be restored (" + notKept.why() + ")");
        }
        StateMigration.Migrated migrated = ((Kept) moved).migrated();
        state = migrated.state();
        attic = migrated.attic();
        return new CheckpointRestore.Restored();
    }

    /**
     * Replaces the state with one read from {@code tree} through the migration, as an edit from
     * the dashboard asks; a refused edit changes nothing. A value that the migration would reset
     * (it does not fit its field) refuses the whole edit.
     */
    StateReplacement replaceState(JsonNode tree) {
        if (current == null || state == null) {
            return new StateReplacement.Refused("no app is running");
        }
        Moved moved = migrate(current, tree, state.getClass(), null, new LinkedHashMap<>());
        if (moved instanceof NotKept notKept) {
            return new StateReplacement.Refused(notKept.why());
        }
        StateMigration.Migrated migrated = ((Kept) moved).migrated();
        if (!migrated.warnings().isEmpty()) {
            return new StateReplacement.Refused(String.join("; ", migrated.warnings()));
        }
        state = migrated.state();
        attic = migrated.attic();
        checkpoint = tree;
        return new StateReplacement.Replaced();
    }

    Applied start(Generation generation, String reason, Map<String, Long> phases) {
        Object[] made = new Object[1];
        Watchdog.Outcome outcome = initialState(generation, made, phases);
        if (outcome instanceof Watchdog.Threw threw) {
            return Applied.failed(Tier.RELOAD, reason, AppFailure.oneLine(threw), phases);
        }
        install(generation, made[0], Attic.EMPTY, null);
        return ok(Tier.RELOAD, reason, List.of(), phases);
    }

    Applied reload(Generation generation, JsonNode saved, String reason, List<String> warnings, Map<String, Long> phases) {
        if (state == null) {
            install(generation, null, attic, saved);
            return ok(Tier.RELOAD, reason, warnings, phases);
        }
        Moved moved = keep(generation, saved, phases);
        if (moved instanceof Failed failed) {
            return Applied.failed(Tier.RELOAD, reason, failed.why(), phases);
        }
        if (moved instanceof Kept kept) {
            List<String> all = new ArrayList<>(warnings);
            all.addAll(kept.migrated().warnings());
            install(generation, kept.migrated().state(), kept.migrated().attic(), saved);
            return ok(Tier.RELOAD, reason, all, phases);
        }
        String why = ((CannotKeep) moved).why();
        log.info("escalating to restart: {}", why);
        return restart(generation, saved, why, warnings, phases);
    }

    Applied restart(Generation generation, JsonNode saved, String reason, List<String> warnings, Map<String, Long> phases) {
        Object[] made = new Object[1];
        Watchdog.Outcome outcome = initialState(generation, made, phases);
        if (outcome instanceof Watchdog.Threw threw) {
            return Applied.failed(Tier.RESTART, reason, "initialState() failed: " + AppFailure.oneLine(threw), phases);
        }
        Object initial = made[0];
        List<String> all = new ArrayList<>(warnings);
        if (initial == null || saved == null || saved.isNull()) {
            install(generation, initial, attic, saved);
            return ok(Tier.RESTART, reason, all, phases);
        }
        Moved moved = migrate(generation, saved, initial.getClass(), initial, phases);
        if (moved instanceof Failed failed) {
            return Applied.failed(Tier.RESTART, reason, failed.why(), phases);
        }
        if (moved instanceof Kept kept) {
            all.addAll(kept.migrated().warnings());
            install(generation, kept.migrated().state(), kept.migrated().attic(), saved);
        } else {
            String why = ((CannotKeep) moved).why();
            all.add("the last state could not be restored (" + why + "); the app starts from initialState()");
            install(generation, initial, attic, saved);
        }
        return ok(Tier.RESTART, reason, all, phases);
    }

    /** Puts an undo entry's state back into {@code generation}, which was loaded from the entry's classes. */
    Applied restore(Generation generation, History.Entry entry, String reason, Map<String, Long> phases) {
        if (entry.stateClass() == null || entry.state() == null) {
            install(generation, null, entry.attic(), entry.state());
            return ok(Tier.UNDO, reason, List.of(), phases);
        }
        Class<?> type;
        try {
            type = Class.forName(entry.stateClass(), false, generation.loader());
        } catch (ClassNotFoundException e) {
            return Applied.failed(Tier.UNDO, reason, "the kept state's class " + entry.stateClass() + " is missing", phases);
        }
        Attic running = attic;
        attic = entry.attic();
        Moved moved = migrate(generation, entry.state(), type, null, phases);
        if (moved instanceof NotKept notKept) {
            attic = running;
            return Applied.failed(Tier.UNDO, reason, notKept.why(), phases);
        }
        StateMigration.Migrated migrated = ((Kept) moved).migrated();
        install(generation, migrated.state(), migrated.attic(), entry.state());
        return ok(Tier.UNDO, reason, migrated.warnings(), phases);
    }

    /** Runs the new generation's {@code initialState()} under the watchdog; {@code made} receives the state. */
    private Watchdog.Outcome initialState(Generation generation, Object[] made, Map<String, Long> phases) {
        long start = System.nanoTime();
        Watchdog.Outcome outcome = watchdog.run("initialState", () -> made[0] = generation.app().initialState());
        phases.put("init", ms(start));
        return outcome;
    }

    /**
     * The state migrated into the class of the same name in the new generation; it cannot be kept
     * when it could not be saved, when that class is gone, or when the app now declares another state type.
     */
    private Moved keep(Generation generation, JsonNode saved, Map<String, Long> phases) {
        if (saved == null) {
            return new CannotKeep("the state could not be saved");
        }
        Class<?> old = state.getClass();
        Class<?> type;
        try {
            type = Class.forName(old.getName(), false, StateCodec.isAppClass(old) ? generation.loader() : old.getClassLoader());
        } catch (ClassNotFoundException e) {
            return new CannotKeep("the state class " + old.getName() + " no longer exists");
        }
        Class<?> declared = generation.declaredStateType();
        if (declared != null && !declared.isAssignableFrom(type)) {
            return new CannotKeep("the app's state type changed from " + old.getName() + " to " + declared.getName());
        }
        return migrate(generation, saved, type, null, phases);
    }

    private Moved migrate(Generation generation, JsonNode saved, Class<?> type, Object initial, Map<String, Long> phases) {
        long start = System.nanoTime();
        StateMigration.Migrated[] out = new StateMigration.Migrated[1];
        Attic from = attic;
        Watchdog.Outcome outcome = watchdog.run("migrating the state",
                () -> out[0] = StateMigration.migrate(generation.codec(), saved, type, initial, from));
        phases.merge("migrate", ms(start), Long::sum);
        if (!(outcome instanceof Watchdog.Threw threw)) {
            return new Kept(out[0]);
        }
        if (!threw.overran() && threw.failure() instanceof IllegalArgumentException e) {
            return new CannotKeep("the state could not be migrated: " + e.getMessage());
        }
        return new Failed("the state could not be migrated: " + AppFailure.oneLine(threw));
    }

    /** The state as a tree; when it cannot be written, the last checkpoint (with a warning), else null. */
    private JsonNode save(List<String> warnings) {
        if (state == null) {
            return null;
        }
        try {
            return current.codec().toTree(state, warnings);
        } catch (RuntimeException e) {
            warnings.add("the state could not be saved (" + e.getMessage() + ")"
                    + (checkpoint != null ? "; its last snapshot is used instead" : ""));
            return checkpoint;
        }
    }

    private void install(Generation generation, Object newState, Attic newAttic, JsonNode from) {
        current = generation;
        state = newState;
        attic = newAttic;
        checkpoint = from;
    }

    private Applied ok(Tier tier, String reason, List<String> warnings, Map<String, Long> phases) {
        warnings.forEach(w -> log.warn("{}", w));
        return Applied.ok(tier, reason, warnings, phases);
    }

    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
