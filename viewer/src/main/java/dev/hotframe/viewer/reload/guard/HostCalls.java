package dev.hotframe.viewer.reload.guard;

import java.lang.StackWalker.StackFrame;
import java.lang.instrument.Instrumentation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Refuses the {@link GuardedCall}s when app code makes them: {@code System.exit(3)} in the app's
 * {@code render} throws {@link HostCallRefused} with
 * {@code System.exit(3) refused in render: it would end the viewer, which hosts the app and keeps running},
 * and the viewer shows it like any exception of the app's.
 *
 * <p>Which code is the app's: classes whose class loader is one of the app's (a generation or
 * the app's libraries, as the installer is told), or a loader the app made under one of them, or
 * a loader whose own class is the app's. The gate looks at the calling thread's stack. A call
 * is refused when the nearest caller outside the JDK is app code, so reflection,
 * {@code Method.invoke}, method references and a library jar that calls {@code System.exit}
 * are refused, while the viewer's own code (its shutdown, Ctrl+C, {@code --exit-after}) and a
 * library of the viewer's that the app's code happens to initialize are not. A call that ends
 * the process ({@link GuardedCall#ends()}) is refused when app code is anywhere on the stack.
 *
 * <p>Every refusal is also kept, so that one the app caught, or one on a thread the app started,
 * is shown all the same ({@link #drainRefused()}).
 *
 * <p>The same gate is at the entry of {@code Thread.start}, where it refuses nothing: it tells
 * {@link AppThreads} which threads the app starts, and where.
 */
public final class HostCalls {

    private static final StackWalker WALKER = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));
    private static final int KEPT = 32;
    private static final Deque<HostCallRefused> refused = new ArrayDeque<>();

    private HostCalls() {
    }

    /**
     * Puts the gate into the JDK's guarded methods, once per JVM (later calls only return the first
     * outcome): see {@link GateInstaller}.
     *
     * @param appLoader whether a class loader is one of the app's (a generation or the app's libraries)
     */
    public static GateInstaller.Installed install(Instrumentation instrumentation, Predicate<ClassLoader> appLoader) {
        return GateInstaller.install(instrumentation, new Hook(appLoader));
    }

    /** The refusals since the last call, oldest first (at most the last 32). */
    public static List<HostCallRefused> drainRefused() {
        synchronized (refused) {
            List<HostCallRefused> drained = new ArrayList<>(refused);
            refused.clear();
            return drained;
        }
    }

    /** What the gate calls: decides from the calling stack, and throws to refuse. */
    static final class Hook implements BiConsumer<String, Object> {
        private final Predicate<ClassLoader> appLoader;

        Hook(Predicate<ClassLoader> appLoader) {
            this.appLoader = appLoader;
        }

        @Override
        public void accept(String key, Object argument) {
            if (AppThreads.KEY.equals(key)) {
                AppThreads.starting((Thread) argument, this::app, type -> !jdk(type) && !ours(type));
                return;
            }
            GuardedCall call = GuardedCall.valueOf(key);
            Optional<StackFrame> culprit = WALKER.walk(frames -> culprit(call, frames.toList()));
            if (culprit.isEmpty()) {
                return;
            }
            boolean throughSystem = WALKER.walk(frames -> frames.anyMatch(
                    f -> f.getDeclaringClass() == System.class && f.getMethodName().equals("exit")));
            String running = Watchdog.running(Thread.currentThread());
            String where = running != null ? "in " + running : "on thread \"" + Thread.currentThread().getName() + "\"";
            StackTraceElement frame = culprit.get().toStackTraceElement();
            HostCallRefused refusal = new HostCallRefused(call.describe(argument, throughSystem) + " refused " + where + ": "
                    + call.why(), frame.getClassName() + '.' + frame.getMethodName() + '(' + frame.getFileName() + ':'
                    + frame.getLineNumber() + ')');
            StackTraceElement[] stack = refusal.getStackTrace();
            int from = 0;
            while (from < stack.length && !stack[from].getClassName().startsWith(call.owner())) {
                from++;
            }
            refusal.setStackTrace(Arrays.copyOfRange(stack, from < stack.length ? from : 0, stack.length));
            synchronized (refused) {
                if (refused.size() == KEPT) {
                    refused.removeFirst();
                }
                refused.addLast(refusal);
            }
            throw refusal;
        }

        /** The app's frame that is to blame for the call, if any. */
        private Optional<StackFrame> culprit(GuardedCall call, List<StackFrame> frames) {
            StackFrame nearest = frames.stream().filter(f -> !jdk(f.getDeclaringClass()) && !ours(f.getDeclaringClass()))
                    .findFirst().orElse(null);
            if (nearest != null && app(nearest.getDeclaringClass())) {
                return Optional.of(nearest);
            }
            return call.ends() ? frames.stream().filter(f -> app(f.getDeclaringClass())).findFirst() : Optional.empty();
        }

        private boolean app(Class<?> type) {
            for (ClassLoader loader = type.getClassLoader(); loader != null; loader = loader.getParent()) {
                if (appLoader.test(loader) || loader.getClass().getClassLoader() != null
                        && appLoader.test(loader.getClass().getClassLoader())) {
                    return true;
                }
            }
            return false;
        }

        private static boolean ours(Class<?> type) {
            return type.getNestHost() == HostCalls.class || type.getName().startsWith("jdk.internal.misc.HotframeHostCallGate");
        }

        /** The JDK's own classes, with the reflection accessors JDK 17 generates into loaders of their own. */
        private static boolean jdk(Class<?> type) {
            ClassLoader loader = type.getClassLoader();
            return loader == null || loader == ClassLoader.getPlatformClassLoader() || type.getName().startsWith("jdk.internal.reflect.");
        }
    }
}
