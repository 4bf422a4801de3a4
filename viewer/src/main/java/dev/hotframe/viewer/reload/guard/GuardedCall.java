package dev.hotframe.viewer.reload.guard;

import dev.hotframe.viewer.reload.bytecode.GateInjector.Argument;

/**
 * The JDK methods that app code may not call, because they would end the viewer's process or
 * take over something the viewer owns, and why. Each is refused when app code calls it (see
 * {@link HostCalls} for what counts as app code); the viewer's own code calls them freely.
 */
public enum GuardedCall {
    RUNTIME_EXIT("java.lang.Runtime", "exit", "(I)V", "Runtime.exit", Argument.INT_PARAMETER, true,
            "it would end the viewer, which hosts the app and keeps running"),
    RUNTIME_HALT("java.lang.Runtime", "halt", "(I)V", "Runtime.halt", Argument.INT_PARAMETER, true,
            "it would end the viewer, which hosts the app and keeps running"),
    ADD_SHUTDOWN_HOOK("java.lang.Runtime", "addShutdownHook", "(Ljava/lang/Thread;)V", "Runtime.addShutdownHook",
            Argument.NONE, false, "shutdown hooks belong to the viewer; the app's code is replaced long before the viewer exits"),
    REMOVE_SHUTDOWN_HOOK("java.lang.Runtime", "removeShutdownHook", "(Ljava/lang/Thread;)Z", "Runtime.removeShutdownHook",
            Argument.NONE, false, "shutdown hooks belong to the viewer"),
    SET_SECURITY_MANAGER("java.lang.System", "setSecurityManager", "(Ljava/lang/SecurityManager;)V", "System.setSecurityManager",
            Argument.NONE, false, "it would decide what the viewer itself may do"),
    SET_OUT("java.lang.System", "setOut", "(Ljava/io/PrintStream;)V", "System.setOut", Argument.NONE, false,
            "it would take over the viewer's terminal output"),
    SET_ERR("java.lang.System", "setErr", "(Ljava/io/PrintStream;)V", "System.setErr", Argument.NONE, false,
            "it would take over the viewer's terminal output, where its errors go"),
    SET_DEFAULT_HANDLER("java.lang.Thread", "setDefaultUncaughtExceptionHandler",
            "(Ljava/lang/Thread$UncaughtExceptionHandler;)V", "Thread.setDefaultUncaughtExceptionHandler", Argument.NONE, false,
            "it would take over how the viewer's own threads report their failures"),
    THREAD_STOP("java.lang.Thread", "stop", "()V", "Thread.stop", Argument.LOCAL_0, false,
            "it could stop the viewer's own threads in the middle of their work"),
    THREAD_SUSPEND("java.lang.Thread", "suspend", "()V", "Thread.suspend", Argument.LOCAL_0, false,
            "it could freeze the viewer's own threads"),
    GROUP_STOP("java.lang.ThreadGroup", "stop", "()V", "ThreadGroup.stop", Argument.LOCAL_0, false,
            "it could stop the viewer's own threads in the middle of their work"),
    GROUP_SUSPEND("java.lang.ThreadGroup", "suspend", "()V", "ThreadGroup.suspend", Argument.LOCAL_0, false,
            "it could freeze the viewer's own threads"),
    SIGNAL_RAISE("jdk.internal.misc.Signal", "raise", "(Ljdk/internal/misc/Signal;)V", "Signal.raise", Argument.LOCAL_0, true,
            "it would end or interrupt the viewer, which hosts the app and keeps running"),
    SIGNAL_HANDLE("jdk.internal.misc.Signal", "handle",
            "(Ljdk/internal/misc/Signal;Ljdk/internal/misc/Signal$Handler;)Ljdk/internal/misc/Signal$Handler;", "Signal.handle",
            Argument.LOCAL_0, false, "it would take over the viewer's signal handling (Ctrl+C)");

    private final String owner;
    private final String method;
    private final String descriptor;
    private final String shown;
    private final Argument argument;
    private final boolean ends;
    private final String why;

    GuardedCall(String owner, String method, String descriptor, String shown, Argument argument, boolean ends, String why) {
        this.owner = owner;
        this.method = method;
        this.descriptor = descriptor;
        this.shown = shown;
        this.argument = argument;
        this.ends = ends;
        this.why = why;
    }

    /** The JDK class that declares the method, as {@code java.lang.Runtime}. */
    public String owner() {
        return owner;
    }

    public String method() {
        return method;
    }

    public String descriptor() {
        return descriptor;
    }

    /** What the gate is passed besides the call's name. */
    public Argument argument() {
        return argument;
    }

    /** Whether the call ends the process: refused whenever app code is anywhere on the calling stack. */
    public boolean ends() {
        return ends;
    }

    /** Why it is refused, as the second half of the message. */
    public String why() {
        return why;
    }

    /** The call as the app wrote it: {@code System.exit(3)}, {@code Signal.raise(SIGTERM)}, {@code Thread.stop() of "ticker"}. */
    String describe(Object value, boolean throughSystem) {
        String name = throughSystem && this == RUNTIME_EXIT ? "System.exit" : shown;
        if (value instanceof Thread thread) {
            return name + "() of thread \"" + thread.getName() + "\"";
        }
        if (value instanceof ThreadGroup group) {
            return name + "() of thread group \"" + group.getName() + "\"";
        }
        return name + "(" + (value == null ? "" : value) + ")";
    }
}
