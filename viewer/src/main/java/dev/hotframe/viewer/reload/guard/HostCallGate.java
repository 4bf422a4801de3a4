package dev.hotframe.viewer.reload.guard;

import java.util.function.BiConsumer;

/**
 * The template of the gate that the JDK's guarded methods call on entry. {@link GateInstaller}
 * defines a copy of it inside {@code java.base} (as {@code jdk.internal.misc.HotframeHostCallGate}),
 * where {@code Runtime} and {@code Thread} can see it; it names only {@code java.base} types for
 * that reason. The copy passes each call to the hook that {@link HostCalls} installs.
 */
public final class HostCallGate {

    /** Set once, by the installer, through a lookup in the gate's package. */
    static volatile BiConsumer<String, Object> hook;

    private HostCallGate() {
    }

    /** Called first by each guarded JDK method; returns to let it run, or throws to refuse it. */
    public static void check(String call, Object argument) {
        BiConsumer<String, Object> installed = hook;
        if (installed != null) {
            installed.accept(call, argument);
        }
    }
}
