package dev.hotframe.viewer.reload.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.viewer.reload.guard.Runaway;
import dev.hotframe.viewer.reload.guard.Watchdog;
import dev.hotframe.viewer.testkit.ChildFirstLoader;
import dev.hotframe.viewer.testkit.Loops;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fuel checks written into class files: rewritten classes verify and compute what the originals compute. */
@Timeout(120)
class FuelInjectorTest {

    @Test
    void rewrittenClassesComputeWhatTheOriginalsCompute() throws Exception {
        String original = get(new ChildFirstLoader(Loops.classes(), false));
        String metered = get(new ChildFirstLoader(Loops.classes(), true));

        assertThat(original).startsWith("yes|big;");
        assertThat(metered).isEqualTo(original);
    }

    @Test
    void aLoopThatIsTheMethodsFirstInstructionIsStillStopped() throws Exception {
        Map<String, byte[]> classes = new HashMap<>();
        dev.hotframe.viewer.testkit.TestCompiler.compile("""
                package demo;
                public final class Spin {
                    public static void spin() { while (true) { } }
                }
                """).forEach(file -> classes.put(file.name(), file.bytes()));
        java.lang.reflect.Method spin = new ChildFirstLoader(classes, true).loadClass("demo.Spin").getMethod("spin");

        Watchdog.Outcome outcome = new Watchdog(java.time.Duration.ofMillis(100)).run("spin", () -> {
            try {
                spin.invoke(null);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });

        assertThat(((Watchdog.Threw) outcome).failure()).isInstanceOf(Runaway.class);
        assertThat(((Watchdog.Threw) outcome).failure().getStackTrace()[0].toString()).endsWith("demo.Spin.spin(Spin.java:3)");
    }

    @Test
    void everyClassOfRealLibrariesStillVerifiesWithFuelChecks() throws Exception {
        int verified = 0;
        int metered = 0;
        int unmetered = 0;
        for (Class<?> anchor : List.of(ObjectMapper.class, kotlin.Unit.class, io.github.humbleui.skija.Canvas.class)) {
            Map<String, byte[]> classes = jarClasses(anchor);
            for (byte[] bytes : classes.values()) {
                FuelInjector.Injected injected = FuelInjector.injectCounting(bytes);
                metered += injected.metered();
                unmetered += injected.unmetered();
            }
            ChildFirstLoader loader = new ChildFirstLoader(classes, true);
            List<String> broken = new ArrayList<>();
            for (String name : classes.keySet()) {
                try {
                    // getDeclaredMethods links the class, and linking runs the verifier.
                    Class.forName(name, false, loader).getDeclaredMethods();
                    verified++;
                } catch (VerifyError | ClassFormatError e) {
                    broken.add(name + ": " + e);
                } catch (NoClassDefFoundError e) {
                    // an optional dependency that is not on the test classpath
                }
            }
            assertThat(broken).as("classes of %s that no longer verify", anchor.getName()).isEmpty();
        }
        assertThat(verified).isGreaterThan(2_000);
        assertThat(metered).isGreaterThan(15_000);
        assertThat(unmetered).as("methods left without checks").isZero();
    }

    private static String get(ClassLoader loader) throws Exception {
        return ((Supplier<?>) Class.forName("demo.Loops", true, loader).getDeclaredConstructor().newInstance()).get().toString();
    }

    private static Map<String, byte[]> jarClasses(Class<?> anchor) throws IOException, URISyntaxException {
        Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, byte[]> classes = new HashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                    classes.put(name.substring(0, name.length() - 6).replace('/', '.'), file.getInputStream(entry).readAllBytes());
                }
            }
        }
        return classes;
    }
}
