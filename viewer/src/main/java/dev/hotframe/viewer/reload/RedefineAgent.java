package dev.hotframe.viewer.reload;

import java.lang.instrument.Instrumentation;

/**
 * Receives the JVM's {@link Instrumentation} through the viewer jar's
 * {@code Launcher-Agent-Class} manifest entry: no {@code -javaagent} flag and no self-attach.
 */
public final class RedefineAgent {

    private static volatile Instrumentation instrumentation;

    private RedefineAgent() {
    }

    /** Called by the JVM before {@code main} when the viewer runs with {@code java -jar}. */
    public static void agentmain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    /** Called by the JVM for {@code -javaagent:} (the tests use this). */
    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    /** The instrumentation, or null when the viewer was not started from its jar. */
    public static Instrumentation instrumentation() {
        return instrumentation;
    }
}
