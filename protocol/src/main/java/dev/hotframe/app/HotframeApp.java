package dev.hotframe.app;

/**
 * A Hotframe app: plain state plus code that updates and draws it every frame.
 *
 * <p>The viewer creates the app with its public no-argument constructor, calls
 * {@link #initialState()} once, and then, every frame, {@link #update} followed by
 * {@link #render}. When the app's code changes, the viewer swaps the code and keeps the
 * state: the same object when only method bodies changed, or a copy migrated field by field
 * (through JSON) into the new classes when fields were added or removed. So keep everything
 * that should survive a reload in {@code S}, and keep {@code S} a plain class that Jackson can
 * read and write: public or private fields, a no-argument constructor, no cycles. A field
 * added later starts from its initializer; a renamed one keeps its value when marked
 * {@link Was}. Each call into the app has a time budget (two seconds in the viewer): a loop
 * that never ends is stopped and reported instead of freezing the window.
 *
 * <pre>{@code
 * public final class Counter implements HotframeApp<Counter.State> {
 *   public static final class State { public int clicks; public double t; }
 *   public State initialState() { return new State(); }
 *   public void update(State s, double dt) { s.t += dt; }
 *   public void render(State s, Frame f) { f.scene("main"); }
 *   public void onInput(State s, InputEvent e) {
 *     if (e instanceof InputEvent.Pointer p && p.kind() == InputEvent.PointerKind.DOWN) s.clicks++;
 *   }
 * }
 * }</pre>
 *
 * @param <S> the app's state type
 */
public interface HotframeApp<S> {

    /** Creates the first state. Called once per viewer session, never on reload. */
    S initialState();

    /** Advances the state by {@code dtSeconds}. Called once per frame before {@link #render}. */
    default void update(S state, double dtSeconds) {
    }

    /** Draws the state. Everything on screen is drawn again every frame. */
    void render(S state, Frame frame);

    /** Receives one input event, between frames, on the render thread. */
    default void onInput(S state, InputEvent event) {
    }

    /**
     * Runs a named action that a scene asked for ({@code "onClick": "reset"}), between frames, on
     * the render thread, under the same time budget and error guard as {@link #onInput}.
     */
    default void onAction(S state, Action action) {
    }

    /**
     * Stops the app's own work before its code is dropped: called on the render thread, under the
     * same time budget and error guard as {@link #update}, when this instance's code is replaced
     * by a reload, a restart or an undo, and when the viewer closes. The state has already been
     * saved (and, on a reload, carried into the new code), so changes to it here are not kept.
     * Stop the threads, timers and executors the app started, and close what it opened: a thread
     * that is still running keeps this generation's classes in memory after the reload, and the
     * viewer warns about it. An exception or a runaway here is reported; the new code runs anyway.
     *
     * <pre>{@code
     * public void onUnload(State s) { ticker.shutdownNow(); }
     * }</pre>
     */
    default void onUnload(S state) {
    }
}
