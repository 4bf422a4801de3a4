package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.wire.ClassFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fuel checks: rewritten classes verify, behave the same, and stop where they loop once tripped. */
@Timeout(120)
class FuelInjectorTest {

    /** Loops, switches (both kinds, with every padding), handlers, constructors with branches before super(), lambdas. */
    private static final String LOOPS = """
            package demo;

            import java.util.ArrayList;
            import java.util.List;
            import java.util.function.IntUnaryOperator;
            import java.util.function.Supplier;

            public final class Loops implements Supplier<String> {
                private final String label;

                public Loops() {
                    this(make(true).label + "|" + new StringBuilder(sum(3) > 2 ? "big" : "small"));
                }

                private Loops(String label) {
                    this.label = label;
                }

                static Loops make(boolean flag) {
                    return new Loops(flag ? "yes" : "no");
                }

                static int sum(int n) {
                    int total = 0;
                    for (int i = 0; i < n; i++) {
                        total += i;
                    }
                    return total;
                }

                static int switches(int n) {
                    int out = 0;
                    int i = n;
                    do {
                        switch (i % 7) {
                            case 0: out += 1; break;
                            case 1: out += 3; break;
                            case 2: out += 5; continue;
                            case 3: out += 7; break;
                            default: out += 11;
                        }
                        switch (i * 1000) {
                            case 1000: out += 13; break;
                            case 50000: out += 17; break;
                            default: out -= 1;
                        }
                    } while (--i > 0);
                    return out;
                }

                static String handlers(int n) {
                    StringBuilder text = new StringBuilder();
                    outer:
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            try {
                                if (j == 2) {
                                    throw new IllegalStateException("j" + j);
                                }
                                if (i == 3) {
                                    continue outer;
                                }
                                text.append(i).append(j);
                            } catch (IllegalStateException e) {
                                text.append('!');
                            } finally {
                                text.append(',');
                            }
                        }
                    }
                    return text.toString();
                }

                static long lambdas(int n) {
                    List<IntUnaryOperator> ops = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        int k = i;
                        ops.add(x -> x * k + 1);
                    }
                    long total = 0;
                    for (IntUnaryOperator op : ops) {
                        total += op.applyAsInt(3);
                    }
                    return total;
                }

                static int fib(int n) {
                    return n < 2 ? n : fib(n - 1) + fib(n - 2);
                }

                public static void spin(int[] counter) {
                    while (true) {
                        counter[0]++;
                    }
                }

                public String get() {
                    StringBuilder all = new StringBuilder(label);
                    for (int n = 0; n < 12; n++) {
                        all.append(';').append(switches(n));
                    }
                    return all + ";" + handlers(5) + ";" + lambdas(10) + ";" + fib(15) + ";" + sum(100);
                }
            }
            """;

    private static final List<ClassFile> CLASSES = TestCompiler.compile(LOOPS);

    @Test
    void rewrittenClassesComputeWhatTheOriginalsCompute() throws Exception {
        String original = get(new PlainLoader(bytes(CLASSES), false));
        String metered = get(new PlainLoader(bytes(CLASSES), true));

        assertThat(original).startsWith("yes|big;");
        assertThat(metered).isEqualTo(original);
    }

    @Test
    void trippedThreadThrowsRunawayFromInsideTheLoop() throws Exception {
        Class<?> loops = Class.forName("demo.Loops", true, new PlainLoader(bytes(CLASSES), true));
        int[] counter = new int[1];

        Fuel.trip(Thread.currentThread(), "spin did not finish within 1 ms");
        try {
            assertThatThrownBy(() -> {
                try {
                    loops.getMethod("spin", int[].class).invoke(null, (Object) counter);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            }).isInstanceOf(Runaway.class).hasMessage("spin did not finish within 1 ms")
                    .satisfies(e -> assertThat(e.getStackTrace()[0].getMethodName()).isEqualTo("spin"));
        } finally {
            Fuel.clear(Thread.currentThread());
        }
    }

    @Test
    void watchdogStopsAnEndlessLoopAndNamesIt() throws Exception {
        Class<?> loops = Class.forName("demo.Loops", true, new GenerationLoader(1, bytes(CLASSES), getClass().getClassLoader()));
        int[] counter = new int[1];

        Watchdog.Outcome outcome = new Watchdog(Duration.ofMillis(100)).run("spin",
                () -> loops.getMethod("spin", int[].class).invoke(null, (Object) counter));

        assertThat(outcome.overran()).isTrue();
        assertThat(AppFailure.runaway(outcome)).isTrue();
        assertThat(AppFailure.describe(outcome)).isEqualTo("spin did not finish within 100 ms: loop in demo.Loops.spin (Loops.java:93)\n"
                + "  at demo.Loops.spin(Loops.java:93)");
        assertThat(counter[0]).isPositive();
        assertThat(new Watchdog(Duration.ofMillis(100)).run("after", () -> loops.getDeclaredConstructor().newInstance()).ok())
                .as("the thread is no longer tripped").isTrue();
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
            PlainLoader loader = new PlainLoader(classes, true);
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

    private static Map<String, byte[]> bytes(List<ClassFile> classes) {
        Map<String, byte[]> map = new HashMap<>();
        classes.forEach(c -> map.put(c.name(), c.bytes()));
        return map;
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

    /** Child first for {@code classes}, with or without fuel checks. */
    private static final class PlainLoader extends ClassLoader {
        private final Map<String, byte[]> classes;
        private final boolean metered;

        PlainLoader(Map<String, byte[]> classes, boolean metered) {
            super("fuel-test", FuelInjectorTest.class.getClassLoader());
            this.classes = classes;
            this.metered = metered;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!classes.containsKey(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = classes.get(name);
                    byte[] defined = metered ? FuelInjector.inject(bytes) : bytes;
                    loaded = defineClass(name, defined, 0, defined.length);
                }
                return loaded;
            }
        }
    }
}
