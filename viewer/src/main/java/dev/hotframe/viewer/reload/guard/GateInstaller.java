package dev.hotframe.viewer.reload.guard;

import dev.hotframe.viewer.reload.bytecode.GateInjector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a call to the gate at the entry of each {@link GuardedCall} in the running JVM, through
 * the viewer's {@link Instrumentation}. On JDK 18 and later there is no security manager to ask,
 * so the JDK's own methods are retransformed instead.
 *
 * <p>The gate must be visible from {@code java.lang}, so it is defined inside {@code java.base},
 * in its package {@code jdk.internal.misc}, through a lookup that the instrumentation opens to the
 * viewer (no {@code --add-opens} flag, and no boot class path entry, which would turn class data
 * sharing off with a warning). Retransforming the five JDK classes takes 45-200 ms at start-up
 * (a shared 2-core machine, JDK 17 and 25), once per JVM.
 */
public final class GateInstaller {

    private static final Logger log = LoggerFactory.getLogger(GateInstaller.class);
    static final String GATE = "jdk.internal.misc.HotframeHostCallGate";
    private static Installed installed;

    private GateInstaller() {
    }

    /** How the installation went: the calls guarded, or why none are. */
    public sealed interface Installed permits Guarded, Unguarded {
    }

    /** The gate is in {@code calls} (those this JDK has), installed in {@code millis}. */
    public record Guarded(List<GuardedCall> calls, long millis) implements Installed {
    }

    /** Nothing is guarded, because of {@code why}: app code can end the viewer. */
    public record Unguarded(String why) implements Installed {
    }

    static synchronized Installed install(Instrumentation instrumentation, BiConsumer<String, Object> hook) {
        if (installed == null) {
            long start = System.nanoTime();
            installed = tryInstall(instrumentation, hook, start);
            if (installed instanceof Guarded guarded) {
                log.debug("app calls that would end or take over the viewer are refused ({} JDK methods, {} ms)",
                        guarded.calls().size(), guarded.millis());
            } else if (installed instanceof Unguarded unguarded) {
                log.warn("app code can end the viewer (System.exit and the like are not refused): {}", unguarded.why());
            }
        }
        return installed;
    }

    private static Installed tryInstall(Instrumentation instrumentation, BiConsumer<String, Object> hook, long start) {
        if (instrumentation == null) {
            return new Unguarded("the JVM gave the viewer no instrumentation (start it with java -jar)");
        }
        if (!instrumentation.isRetransformClassesSupported()) {
            return new Unguarded("the JVM cannot retransform classes");
        }
        try {
            Class<?> gate = defineGate(instrumentation);
            MethodHandles.privateLookupIn(gate, MethodHandles.lookup())
                    .findStaticSetter(gate, "hook", BiConsumer.class).invoke(hook);
            List<GuardedCall> present = present();
            retransform(instrumentation, present);
            return new Guarded(present, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (Throwable e) {
            log.debug("the host-call gate could not be installed", e);
            return new Unguarded(e.toString());
        }
    }

    /** Defines the gate in {@code java.base}, or finds it when an earlier viewer in this JVM did. */
    private static Class<?> defineGate(Instrumentation instrumentation) throws Exception {
        Module base = Object.class.getModule();
        instrumentation.redefineModule(base, Set.of(), Map.of(), Map.of("jdk.internal.misc", Set.of(GateInstaller.class.getModule())),
                Set.of(), Map.of());
        try {
            return Class.forName(GATE, false, null);
        } catch (ClassNotFoundException notYet) {
            MethodHandles.Lookup internal = MethodHandles.privateLookupIn(Class.forName("jdk.internal.misc.Signal"),
                    MethodHandles.lookup());
            String template = HostCallGate.class.getName().replace('.', '/');
            return internal.defineClass(GateInjector.rename(templateBytes(), template, GATE.replace('.', '/')));
        }
    }

    private static byte[] templateBytes() throws IOException {
        try (InputStream in = HostCallGate.class.getResourceAsStream(HostCallGate.class.getSimpleName() + ".class")) {
            if (in == null) {
                throw new IOException("the gate's class file is missing from the viewer");
            }
            return in.readAllBytes();
        }
    }

    /** The guarded calls this JDK has (Thread.stop, suspend and ThreadGroup.stop are gone from recent JDKs). */
    private static List<GuardedCall> present() throws ClassNotFoundException {
        List<GuardedCall> present = new ArrayList<>();
        for (GuardedCall call : GuardedCall.values()) {
            Class<?> owner = Class.forName(call.owner(), false, null);
            if (Arrays.stream(owner.getDeclaredMethods()).anyMatch(m -> m.getName().equals(call.method()))) {
                present.add(call);
            }
        }
        return present;
    }

    private static void retransform(Instrumentation instrumentation, List<GuardedCall> calls) throws Exception {
        Map<String, List<GateInjector.Gated>> byClass = new LinkedHashMap<>();
        for (GuardedCall call : calls) {
            byClass.computeIfAbsent(call.owner().replace('.', '/'), owner -> new ArrayList<>())
                    .add(new GateInjector.Gated(call.method(), call.descriptor(), call.name(), call.argument()));
        }
        // Thread.start is gated to record which threads the app starts, not to refuse them (AppThreads).
        byClass.computeIfAbsent("java/lang/Thread", owner -> new ArrayList<>()).add(AppThreads.GATED);
        List<Throwable> failures = new ArrayList<>();
        ClassFileTransformer transformer = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                                    byte[] bytes) {
                List<GateInjector.Gated> gated = loader == null ? byClass.get(name) : null;
                if (gated == null || redefined == null) {
                    return null;
                }
                try {
                    return GateInjector.inject(bytes, GATE.replace('.', '/'), "check", gated);
                } catch (RuntimeException e) {
                    failures.add(e);
                    return null;
                }
            }
        };
        List<Class<?>> classes = new ArrayList<>();
        for (String owner : byClass.keySet()) {
            classes.add(Class.forName(owner.replace('/', '.'), false, null));
        }
        instrumentation.addTransformer(transformer, true);
        try {
            instrumentation.retransformClasses(classes.toArray(Class<?>[]::new));
        } finally {
            instrumentation.removeTransformer(transformer);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("cannot put the gate into the JDK: " + failures.get(0).getMessage(), failures.get(0));
        }
    }
}
