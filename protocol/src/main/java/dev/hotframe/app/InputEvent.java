package dev.hotframe.app;

/** An input event delivered to {@link HotframeApp#onInput}. Coordinates are logical pixels. */
public sealed interface InputEvent {

    /** What happened to the pointer. */
    enum PointerKind { MOVE, DOWN, UP }

    /**
     * A key went down or up. {@code key} is a readable name: {@code "A"}..{@code "Z"},
     * {@code "0"}..{@code "9"}, {@code "SPACE"}, {@code "ENTER"}, {@code "ESCAPE"},
     * {@code "LEFT"}, {@code "RIGHT"}, {@code "UP"}, {@code "DOWN"}, {@code "F1"}..{@code "F12"}.
     */
    record Key(String key, boolean pressed) implements InputEvent {
    }

    /** The pointer moved, or a button ({@code 0} left, {@code 1} right, {@code 2} middle) changed. */
    record Pointer(PointerKind kind, double x, double y, int button) implements InputEvent {
    }

    /** The wheel or trackpad scrolled. */
    record Scroll(double dx, double dy) implements InputEvent {
    }

    /** A character was typed, after keyboard layout and composition. */
    record Text(String text) implements InputEvent {
    }
}
