package dev.hotframe.viewer.reload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hotframe.app.HotframeApp;
import dev.hotframe.viewer.assets.AssetResources;
import dev.hotframe.viewer.libs.LibraryCache;
import dev.hotframe.viewer.libs.LibraryLoaders;
import dev.hotframe.viewer.reload.guard.HostCalls;
import dev.hotframe.viewer.reload.guard.Watchdog;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Library;
import dev.hotframe.wire.Tier;
import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host side of the host/worker split: owns the running app, its state and its class-loader
 * generation, and applies new code by the cheapest tier that works: {@code redefine} (same
 * objects), {@code reload} (a new generation, the state migrated into it), {@code restart} (a
 * new generation whose {@code initialState()} runs again, with the last state restored over
 * it). A tier that cannot apply escalates to the next one. A failure at any step leaves the
 * previous code and state running. This class chooses the tier and tracks the server's class
 * set; {@link Generations} carries the steps out. Use from one thread (the render thread).
 */
public final class AppHost {

    private static final Logger log = LoggerFactory.getLogger(AppHost.class);
    /** How long loading a generation (static initializers, constructors, initialState, migration) may run. */
    public static final Duration LOAD_BUDGET = Duration.ofSeconds(10);
    private static final int UNDO_DEPTH = 3;

    private final LibraryLoaders libraries;
    private final Swap swap;
    private final Generations generations;
    private final LeakedGenerations leaked = new LeakedGenerations();
    /** The server's class set, whether or not it runs. */
    private Map<String, byte[]> bytes = Map.of();
    private String appClass;
    /** Why the running code cannot take a partial update (an apply failed, an undo, a broken static initializer), or null. */
    private String stale;
    /** Whether the running generation's code was last changed by a redefine (see {@link #appThrew(Throwable)}). */
    private boolean redefined;

    /** @param instrumentation for redefinition; null makes every code change a reload */
    public AppHost(Instrumentation instrumentation) {
        this(instrumentation, LibraryCache.standard());
    }

    /** @param cache where the libraries the app needs have been fetched to */
    public AppHost(Instrumentation instrumentation, LibraryCache cache) {
        this(instrumentation, AppHost.class.getClassLoader(), LOAD_BUDGET, cache);
    }

    AppHost(Instrumentation instrumentation, ClassLoader parent, Duration loadBudget) {
        this(instrumentation, parent, loadBudget, LibraryCache.standard());
    }

    AppHost(Instrumentation instrumentation, ClassLoader parent, Duration loadBudget, LibraryCache cache) {
        Redefiner redefiner = new Redefiner(instrumentation);
        redefiner.prime();
        HostCalls.install(instrumentation, GenerationLoader::isAppCode);
        this.libraries = new LibraryLoaders(parent, cache);
        Watchdog watchdog = new Watchdog(loadBudget);
        this.swap = new Swap(watchdog);
        this.generations = new Generations(redefiner, watchdog, swap, UNDO_DEPTH, new Unloading(loadBudget, leaked));
    }

    /**
     * Serves {@code resources} through the class loaders of the generations loaded from now on
     * (the one running keeps what it had), so that {@code getResource} in app code finds the project's assets.
     */
    public void serveResources(AssetResources resources) {
        generations.serveResources(resources);
    }

    /** Whether an app is running. */
    public boolean running() {
        return swap.current() != null;
    }

    public HotframeApp<Object> app() {
        return swap.current() == null ? null : swap.current().app();
    }

    public Object state() {
        return swap.state();
    }

    /** The number of the running generation (1 for the first), 0 when none runs. */
    public int generation() {
        return swap.current() == null ? 0 : swap.current().number();
    }

    /** The state as a JSON tree, for scene bindings; null when no app runs. */
    public JsonNode stateTree() {
        return swap.current() == null ? null : swap.current().codec().toTree(swap.state());
    }

    /** The state as pretty JSON, for {@code state.json}. */
    public String stateJson() throws JsonProcessingException {
        return swap.current() == null ? "null" : swap.current().codec().toJson(stateTree());
    }

    /**
     * Replaces the running app's state with one read from {@code tree} (the state tree with an
     * edited value), through the same codec and migration as a reload; a refused edit changes
     * nothing. Call between frames.
     */
    public StateReplacement replaceState(JsonNode tree) {
        return swap.replaceState(tree);
    }

    /** Old state values that the running code has no field for, by path; a later field of that name gets them back. */
    public Map<String, JsonNode> keptAside() {
        return swap.attic().values();
    }

    /** How many generations the app no longer runs were still in memory at the last check (see {@link LeakedGenerations}). */
    public int leakedGenerations() {
        return leaked.count();
    }

    /** The viewer closes: the running app's {@code onUnload} runs, and threads it leaves are named. Call on the render thread. */
    public void close() {
        generations.close();
    }

    /** How many earlier generations {@link #rollback()} can go back to. */
    public int undoDepth() {
        return generations.undoDepth();
    }

    /**
     * Takes the whole class set from a snapshot. Starts the app the first time; on a later
     * snapshot (a reconnect) reloads only if the code differs, keeping the state, and restarts
     * if the app class is another one.
     */
    public Applied start(String appClassName, List<ClassFile> classes) {
        return start(appClassName, classes, libraries.libraries());
    }

    /** As {@link #start(String, List)}, with the libraries the code needs (already in the cache). */
    public Applied start(String appClassName, List<ClassFile> classes, List<Library> needed) {
        Map<String, byte[]> next = toMap(classes);
        boolean newLibraries = libraries.differs(needed);
        if (libraries.use(needed) instanceof LibraryLoaders.Unavailable unavailable) {
            return Applied.failed(Tier.SNAPSHOT, "the libraries changed", unavailable.why(), Map.of());
        }
        if (running() && appClassName.equals(appClass) && stale == null && !newLibraries && sameBytes(bytes, next)) {
            return Applied.ok(Tier.SNAPSHOT, "the code is unchanged", List.of(), Map.of());
        }
        String previous = appClass;
        appClass = appClassName;
        if (next.isEmpty()) {
            return Applied.failed(Tier.SNAPSHOT, "no classes yet", "the project has no compiled classes yet", Map.of());
        }
        if (!running()) {
            return fresh(next);
        }
        if (!appClassName.equals(previous)) {
            return replace(next, Tier.RESTART, "the app class changed from " + previous + " to " + appClassName);
        }
        return replace(next, Tier.RELOAD, "resynchronized with the dev server");
    }

    /**
     * Applies changed and removed classes at {@code tier}: {@code redefine}, {@code reload} or
     * {@code restart} (any other tier is taken as {@code reload}), escalating if needed.
     */
    public Applied apply(Tier tier, String reason, List<ClassFile> changed, List<String> removed) {
        return apply(tier, reason, changed, removed, null);
    }

    /**
     * As {@link #apply(Tier, String, List, List)}; {@code needed}, when not null, is the new set of
     * libraries (already in the cache), which always takes a new generation.
     */
    public Applied apply(Tier tier, String reason, List<ClassFile> changed, List<String> removed, List<Library> needed) {
        boolean newLibraries = needed != null && libraries.differs(needed);
        if (newLibraries && libraries.use(needed) instanceof LibraryLoaders.Unavailable unavailable) {
            return Applied.failed(newGeneration(tier), reason, unavailable.why(), Map.of());
        }
        Map<String, byte[]> next = new HashMap<>(bytes);
        changed.forEach(c -> next.put(c.name(), c.bytes()));
        removed.forEach(next::remove);
        if (!running()) {
            return next.isEmpty() || appClass == null
                    ? Applied.failed(Tier.RELOAD, reason, "no app to start yet", Map.of()) : fresh(next);
        }
        Tier asked = newGeneration(tier);
        if (!next.containsKey(appClass)) {
            return Applied.failed(asked, reason, "the app class " + appClass + " is not in the new code: was it deleted or"
                    + " renamed? The viewer keeps running the last good code. Restore the class, or name the new one as"
                    + " \"app\" in hotframe.json and restart the dev server", Map.of());
        }
        if (stale != null) {
            return replace(next, asked, reason + " (" + stale + ")");
        }
        if (newLibraries) {
            return replace(next, asked, reason);
        }
        if (changed.isEmpty() && removed.isEmpty() && tier != Tier.RESTART) {
            bytes = next;
            return Applied.ok(tier, reason, List.of(), Map.of());
        }
        if (tier == Tier.REDEFINE) {
            Map<String, Long> phases = new LinkedHashMap<>();
            if (generations.redefine(changed, phases) instanceof Redefiner.Refused refused) {
                log.info("escalating to reload: {}", refused.why());
                return replace(next, Tier.RELOAD, refused.why());
            }
            bytes = next;
            redefined = true;
            return Applied.ok(Tier.REDEFINE, reason, List.of(), phases);
        }
        return replace(next, asked, reason);
    }

    /** Re-creates the app from the server's newest code: a new generation, {@code initialState()}, then the state restored over it. */
    public Applied restart(String reason) {
        if (!running()) {
            return Applied.failed(Tier.RESTART, reason, "no app is running", Map.of());
        }
        return replace(bytes, Tier.RESTART, reason);
    }

    /**
     * Goes back to the previous generation's code and state, exactly as they were when it was
     * replaced (undo). The running code then differs from the server's, so the next code update
     * reloads from the server's whole class set.
     */
    public Applied rollback() {
        Applied applied = generations.undo();
        if (applied.ok()) {
            redefined = false;
            Generation undone = swap.current();
            stale = sameBytes(bytes, undone.loader().classes()) && undone.appClass().equals(appClass) ? null : "after an undo";
        }
        return applied;
    }

    /**
     * The running generation has a class whose static initializer failed: such a class stays
     * broken in its generation, so the next code update reloads (a redefine could not fix it).
     */
    public void staticInitializerFailed(String which) {
        if (running()) {
            swap.current().loader().initializerFailed(which);
            if (stale == null) {
                log.info("the static initializer of {} failed; the next update reloads", which);
                stale = "the running classes have a failed static initializer";
            }
        }
    }

    /**
     * The app's code threw {@code failure}. A {@link ClassCastException} or
     * {@link ArrayStoreException} after a redefine means the old objects do not hold what the new
     * code reads (a type the classifier could not see changed, such as a generic type argument),
     * and another redefine would keep them: so the next code update, even a body-only one,
     * reloads, and the state is migrated or reset with a warning.
     */
    public void appThrew(Throwable failure) {
        if (!running() || !redefined || stale != null) {
            return;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ClassCastException || cause instanceof ArrayStoreException) {
                stale = "the app threw " + cause.getClass().getSimpleName() + " after a redefine";
                log.info("{}; the next update reloads", stale);
                return;
            }
        }
    }

    /** Remembers the current state as the point to go back to after a runaway. Call between frames. */
    public void checkpoint() {
        swap.checkpointNow();
    }

    /** Puts back the state of the last checkpoint (after app code was stopped half way). */
    public CheckpointRestore restoreCheckpoint() {
        return swap.restoreCheckpoint();
    }

    private Applied fresh(Map<String, byte[]> next) {
        // These are the server's classes whether or not the app starts; a later partial update builds on them.
        bytes = next;
        Applied applied = generations.start(appClass, next, libraries.current());
        if (applied.ok()) {
            stale = null;
            redefined = false;
        }
        return applied;
    }

    /** A reload or restart to the class set {@code next}; a reload that cannot keep the state becomes a restart. */
    private Applied replace(Map<String, byte[]> next, Tier tier, String reason) {
        // The server's class set moves on even if this fails; until a swap works, the running
        // generation is out of date, so later updates reload from the whole set.
        bytes = next;
        stale = "after an earlier update failed to apply";
        Applied applied = generations.replace(appClass, next, libraries.current(), tier, reason);
        if (applied.ok()) {
            stale = null;
            redefined = false;
        }
        return applied;
    }

    /** The tier of a new generation for an update asked at {@code tier}: a restart when asked for, a reload otherwise. */
    private static Tier newGeneration(Tier tier) {
        return tier == Tier.RESTART ? Tier.RESTART : Tier.RELOAD;
    }

    private static boolean sameBytes(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    private static Map<String, byte[]> toMap(List<ClassFile> classes) {
        Map<String, byte[]> map = new HashMap<>();
        classes.forEach(c -> map.put(c.name(), c.bytes()));
        return map;
    }
}
