package dev.hotframe.viewer.reload;

import dev.hotframe.viewer.reload.bytecode.FuelInjector;
import dev.hotframe.wire.ClassFile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The redefine tier: new method bodies for classes the running generation has loaded, all in
 * one {@code redefineClasses} call (one call for ten classes costs about what one class costs),
 * with the same fuel checks as classes loaded fresh. Classes not loaded yet just get new bytes.
 */
final class Redefiner {

    private final Instrumentation instrumentation;

    /** Whether the classes were redefined. */
    sealed interface Result permits Redefined, Refused {
    }

    /** The running generation runs the new method bodies. */
    record Redefined() implements Result {
    }

    /** The classes could not be redefined, and why; the caller escalates to reload. */
    record Refused(String why) implements Result {
    }

    /** @param instrumentation from the viewer jar's agent; null when the viewer was not started from it */
    Redefiner(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /**
     * The JVM's first redefinition throws away all JIT-compiled code: the agent that allows it
     * started after the JVM did, so the JIT had not recorded which code depends on which class.
     * Later redefinitions drop only the code that depends on the redefined classes. Priming
     * redefines a small class of the viewer's own, unchanged, at start while little is compiled,
     * so that the user's first edit does not pay for it. Returns whether it ran.
     */
    boolean prime() {
        if (instrumentation == null || !instrumentation.isRedefineClassesSupported()) {
            return false;
        }
        try (InputStream in = Primer.class.getResourceAsStream("Redefiner$Primer.class")) {
            if (in == null) {
                return false;
            }
            instrumentation.redefineClasses(new ClassDefinition(Primer.class, in.readAllBytes()));
            return true;
        } catch (IOException | ClassNotFoundException | UnmodifiableClassException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Only here to be redefined by {@link #prime()}. */
    static final class Primer {
        private Primer() {
        }
    }

    /** Redefines the classes of {@code changed} that {@code loader} has loaded, and gives the others their new bytes. */
    Result redefine(GenerationLoader loader, List<ClassFile> changed, Map<String, Long> phases) {
        if (instrumentation == null || !instrumentation.isRedefineClassesSupported()) {
            return new Refused("redefinition is not available in this JVM (start the viewer with java -jar)");
        }
        long start = System.nanoTime();
        List<ClassDefinition> definitions = new ArrayList<>();
        for (ClassFile file : changed) {
            Class<?> loaded = loader.loadedOrNull(file.name());
            if (loaded != null) {
                definitions.add(new ClassDefinition(loaded, FuelInjector.inject(file.bytes())));
            }
        }
        try {
            if (!definitions.isEmpty()) {
                instrumentation.redefineClasses(definitions.toArray(ClassDefinition[]::new));
            }
        } catch (UnsupportedOperationException | ClassNotFoundException | UnmodifiableClassException | LinkageError e) {
            return new Refused("the JVM refused to redefine (" + e + ")");
        } finally {
            phases.put("redefine", Swap.ms(start));
        }
        changed.forEach(file -> loader.replaceBytes(file.name(), file.bytes()));
        return new Redefined();
    }
}
