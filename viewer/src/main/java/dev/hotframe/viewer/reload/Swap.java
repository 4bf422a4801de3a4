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

    /** A step's outcome: the generation (after a load), or the applied update, or the failed one; with the phase times so far. */
    record Result(Generation generation, Applied applied, Applied failed, Map<String, Long> phases) {
        static Result failed(Applied failed) {
            return new Result(null, null, failed, failed.phasesMs());
        }
    }

    /** A migration's outcome: the state, or why a reload cannot keep it (escalate), or why the update fails. */
    private record Moved(StateMigration.Migrated migrated, String cannotKeep, String failed) {
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

    String restoreCheckpoint() {
        if (current == null || state == null) {
            return null;
        }
        if (checkpoint == null) {
            return "the state stays as the stopped code left it: no snapshot of it was taken yet";
        }
        Moved moved = migrate(current, checkpoint, state.getClass(), null, new LinkedHashMap<>());
        if (moved.migrated() == null) {
            return "the state stays as the stopped code left it: the snapshot could not be restored ("
                    + (moved.cannotKeep() != null ? moved.cannotKeep() : moved.failed()) + ")";
        }
        state = moved.migrated().state();
        attic = moved.migrated().attic();
        return "the state was put back as it was before the stopped code ran";
    }

    /**
     * Replaces the state with one read from {@code tree} through the migration, as an edit from
     * the dashboard asks. Returns null when it was installed, else why not; then nothing changed.
     * A value that the migration would reset (it does not fit its field) refuses the whole edit.
     */
    String replaceState(JsonNode tree) {
        if (current == null || state == null) {
            return "no app is running";
        }
        Moved moved = migrate(current, tree, state.getClass(), null, new LinkedHashMap<>());
        if (moved.migrated() == null) {
            return moved.cannotKeep() != null ? moved.cannotKeep() : moved.failed();
        }
        if (!moved.migrated().warnings().isEmpty()) {
            return String.join("; ", moved.migrated().warnings());
        }
        state = moved.migrated().state();
        attic = moved.migrated().attic();
        checkpoint = tree;
        return null;
    }

    Result start(Generation generation, String reason, Map<String, Long> phases) {
        Object[] made = new Object[1];
        long start = System.nanoTime();
        Watchdog.Outcome outcome = watchdog.run("initialState", () -> made[0] = generation.app().initialState());
        phases.put("init", ms(start));
        if (!outcome.ok()) {
            return Result.failed(Applied.failed(Tier.RELOAD, reason, AppHost.oneLine(outcome), phases));
        }
        install(generation, made[0], Attic.EMPTY, null);
        return ok(Tier.RELOAD, reason, List.of(), phases);
    }

    Result reload(Generation generation, JsonNode saved, String reason, List<String> warnings, Map<String, Long> phases) {
        if (state == null) {
            install(generation, null, attic, saved);
            return ok(Tier.RELOAD, reason, warnings, phases);
        }
        String why;
        Class<?> type = null;
        try {
            type = keptType(generation, saved);
            why = null;
        } catch (IllegalStateException e) {
            why = e.getMessage();
        }
        if (why == null) {
            Moved moved = migrate(generation, saved, type, null, phases);
            if (moved.failed() != null) {
                return Result.failed(Applied.failed(Tier.RELOAD, reason, moved.failed(), phases));
            }
            if (moved.migrated() != null) {
                List<String> all = new ArrayList<>(warnings);
                all.addAll(moved.migrated().warnings());
                install(generation, moved.migrated().state(), moved.migrated().attic(), saved);
                return ok(Tier.RELOAD, reason, all, phases);
            }
            why = moved.cannotKeep();
        }
        log.info("escalating to restart: {}", why);
        return restart(generation, saved, why, warnings, phases);
    }

    Result restart(Generation generation, JsonNode saved, String reason, List<String> warnings, Map<String, Long> phases) {
        Object[] made = new Object[1];
        long start = System.nanoTime();
        Watchdog.Outcome outcome = watchdog.run("initialState", () -> made[0] = generation.app().initialState());
        phases.put("init", ms(start));
        if (!outcome.ok()) {
            return Result.failed(Applied.failed(Tier.RESTART, reason, "initialState() failed: " + AppHost.oneLine(outcome), phases));
        }
        Object initial = made[0];
        List<String> all = new ArrayList<>(warnings);
        if (initial == null || saved == null || saved.isNull()) {
            install(generation, initial, attic, saved);
            return ok(Tier.RESTART, reason, all, phases);
        }
        Moved moved = migrate(generation, saved, initial.getClass(), initial, phases);
        if (moved.failed() != null) {
            return Result.failed(Applied.failed(Tier.RESTART, reason, moved.failed(), phases));
        }
        if (moved.migrated() == null) {
            all.add("the last state could not be restored (" + moved.cannotKeep() + "); the app starts from initialState()");
            install(generation, initial, attic, saved);
        } else {
            all.addAll(moved.migrated().warnings());
            install(generation, moved.migrated().state(), moved.migrated().attic(), saved);
        }
        return ok(Tier.RESTART, reason, all, phases);
    }

    /** Puts an undo entry's state back into {@code generation}, which was loaded from the entry's classes. */
    Result restore(Generation generation, History.Entry entry, String reason, Map<String, Long> phases) {
        if (entry.stateClass() == null || entry.state() == null) {
            install(generation, null, entry.attic(), entry.state());
            return ok(Tier.UNDO, reason, List.of(), phases);
        }
        Class<?> type;
        try {
            type = Class.forName(entry.stateClass(), false, generation.loader());
        } catch (ClassNotFoundException e) {
            return Result.failed(Applied.failed(Tier.UNDO, reason, "the kept state's class " + entry.stateClass() + " is missing", phases));
        }
        Attic kept = attic;
        attic = entry.attic();
        Moved moved = migrate(generation, entry.state(), type, null, phases);
        if (moved.migrated() == null) {
            attic = kept;
            return Result.failed(Applied.failed(Tier.UNDO, reason, moved.failed() != null ? moved.failed() : moved.cannotKeep(), phases));
        }
        install(generation, moved.migrated().state(), moved.migrated().attic(), entry.state());
        return ok(Tier.UNDO, reason, moved.migrated().warnings(), phases);
    }

    /** The class the state moves into: the one of the same name in the new generation, if the app still declares it. */
    private Class<?> keptType(Generation generation, JsonNode saved) {
        if (saved == null) {
            throw new IllegalStateException("the state could not be saved");
        }
        Class<?> old = state.getClass();
        Class<?> type;
        try {
            type = Class.forName(old.getName(), false, StateCodec.isAppClass(old) ? generation.loader() : old.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the state class " + old.getName() + " no longer exists");
        }
        Class<?> declared = generation.declaredStateType();
        if (declared != null && !declared.isAssignableFrom(type)) {
            throw new IllegalStateException("the app's state type changed from " + old.getName() + " to " + declared.getName());
        }
        return type;
    }

    private Moved migrate(Generation generation, JsonNode saved, Class<?> type, Object initial, Map<String, Long> phases) {
        long start = System.nanoTime();
        StateMigration.Migrated[] out = new StateMigration.Migrated[1];
        Attic from = attic;
        Watchdog.Outcome outcome = watchdog.run("migrating the state",
                () -> out[0] = StateMigration.migrate(generation.codec(), saved, type, initial, from));
        phases.merge("migrate", ms(start), Long::sum);
        if (outcome.ok()) {
            return new Moved(out[0], null, null);
        }
        if (!outcome.overran() && outcome.failure() instanceof IllegalArgumentException e) {
            return new Moved(null, "the state could not be migrated: " + e.getMessage(), null);
        }
        return new Moved(null, null, "the state could not be migrated: " + AppHost.oneLine(outcome));
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

    private Result ok(Tier tier, String reason, List<String> warnings, Map<String, Long> phases) {
        warnings.forEach(w -> log.warn("{}", w));
        return new Result(current, Applied.ok(tier, reason, warnings, phases), null, phases);
    }

    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
