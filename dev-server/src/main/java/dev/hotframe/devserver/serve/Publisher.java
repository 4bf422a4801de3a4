package dev.hotframe.devserver.serve;

import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Diagnostic;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.UpdateMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The one owner of what viewers have been sent: the sequence number and the {@link Published}
 * state. Each change is applied to the state, numbered, and handed to the fan-out; joiners get
 * a {@link #snapshot()} of the state as of one sequence number. Data flows one way: the
 * publisher pushes updates to the fan-out and never reads from it.
 *
 * <p>The state a snapshot reads is replaced only after the fan-out has taken the update, so a
 * snapshot never runs ahead of what was fanned out; it may lag by the update in flight, which a
 * joiner then gets from the fan-out's log.
 */
public final class Publisher {

    private final String appClass;
    private final LongSupplier clockMs;
    private final Object order = new Object();
    private volatile Current current;
    private Consumer<ServerMessage.Update> fanOut;

    /**
     * @param appClass the app's main class, for snapshots
     * @param clockMs  the time a snapshot is stamped with
     */
    public Publisher(String appClass, Published initial, LongSupplier clockMs) {
        this.appClass = Objects.requireNonNull(appClass, "'appClass' must not be null");
        this.clockMs = clockMs;
        this.current = new Current(0, Objects.requireNonNull(initial, "'initial' must not be null"));
    }

    /** Sends every later update to {@code fanOut}, in sequence order; set once, when the server is wired. */
    public Publisher sendTo(Consumer<ServerMessage.Update> fanOut) {
        synchronized (order) {
            if (this.fanOut != null) {
                throw new IllegalStateException("the publisher already sends to a fan-out");
            }
            this.fanOut = Objects.requireNonNull(fanOut, "'fanOut' must not be null");
        }
        return this;
    }

    /**
     * Applies {@code change} to the published state, builds the update with the next sequence
     * number and hands it to the fan-out; returns the update.
     */
    public <U extends ServerMessage.Update> U publish(UnaryOperator<Published> change, LongFunction<U> build) {
        synchronized (order) {
            if (fanOut == null) {
                throw new IllegalStateException("nothing to publish to: call sendTo first");
            }
            Current before = current;
            Published after = change.apply(before.state());
            U update = build.apply(before.seq() + 1);
            fanOut.accept(update);
            current = new Current(before.seq() + 1, after);
            return update;
        }
    }

    /** The state as of the last update the fan-out has taken. */
    public Published published() {
        return current.state();
    }

    /** The sequence number of the last update the fan-out has taken. */
    public long seq() {
        return current.seq();
    }

    /** What a joining viewer is sent: the published state, stamped with its sequence number. */
    public ServerMessage.Snapshot snapshot() {
        Current now = current;
        Published state = now.state();
        List<ClassFile> classes = new ArrayList<>();
        state.classes().forEach((name, bytes) -> classes.add(new ClassFile(name, bytes)));
        List<Diagnostic> problems = new ArrayList<>(state.problems());
        problems.addAll(state.assets().problemList());
        return new ServerMessage.Snapshot(new UpdateMeta(now.seq(), List.of(), clockMs.getAsLong(), Map.of()), appClass, classes,
                state.scenes(), problems, state.assets().list(), state.libraries());
    }

    /** The state and its sequence number, replaced together. */
    private record Current(long seq, Published state) {
    }
}
