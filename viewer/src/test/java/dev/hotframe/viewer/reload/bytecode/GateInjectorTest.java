package dev.hotframe.viewer.reload.bytecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotframe.viewer.reload.bytecode.GateInjector.Argument;
import dev.hotframe.viewer.reload.bytecode.GateInjector.Gated;
import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.wire.ClassFile;
import java.io.IOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gate call written at method entry: gated methods tell the gate first and run as before, or not at all when it throws. */
@Timeout(120)
class GateInjectorTest {

    private static final String GATE = RecordingGate.class.getName().replace('.', '/');
    private static final String TARGET = """
            package demo;
            public final class Target {
                public int total;
                public void exit(int status) { total += status; }
                public static String name(Object value) { return "name:" + value; }
                public String owner(String text) { return text + total; }
                public static int loop(int n) {
                    int sum = 0;
                    for (int i = 0; i < n; i++) { switch (i % 3) { case 0: sum += i; break; case 1: sum -= 1; break; default: sum *= 2; } }
                    return sum;
                }
                public static int untouched(int n) { return n * 2; }
                public static int again(int n) { while (n > 0) { n--; } return n; }
                public static String caught(String s) { try { return s.trim(); } catch (RuntimeException e) { return "swallowed"; } }
            }
            """;
    private static final List<Gated> GATED = List.of(
            new Gated("exit", "(I)V", "EXIT", Argument.INT_PARAMETER),
            new Gated("name", "(Ljava/lang/Object;)Ljava/lang/String;", "NAME", Argument.LOCAL_0),
            new Gated("owner", "(Ljava/lang/String;)Ljava/lang/String;", "OWNER", Argument.LOCAL_1),
            new Gated("loop", "(I)I", "LOOP", Argument.NONE),
            new Gated("again", "(I)I", "AGAIN", Argument.NONE),
            new Gated("caught", "(Ljava/lang/String;)Ljava/lang/String;", "CAUGHT", Argument.LOCAL_0));

    /** The gate the rewritten test classes call: records each call, and throws while {@link #refuse} is set. */
    public static final class RecordingGate {
        static final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        static volatile boolean refuse;

        public static void check(String key, Object argument) {
            calls.add(key + "=" + (argument instanceof Integer || argument instanceof String || argument == null ? argument : "this"));
            if (refuse) {
                throw new SecurityException(key + " refused");
            }
        }
    }

    @BeforeEach
    void reset() {
        RecordingGate.calls.clear();
        RecordingGate.refuse = false;
    }

    private static Class<?> target() throws Exception {
        Map<String, byte[]> classes = new HashMap<>();
        for (ClassFile file : TestCompiler.compile(TARGET)) {
            classes.put(file.name(), GateInjector.inject(file.bytes(), GATE, "check", GATED));
        }
        return new Loader(classes, UnaryOperator.identity()).loadClass("demo.Target");
    }

    private static Object call(Object on, String name, Object... args) throws Throwable {
        for (Method method : on instanceof Class<?> c ? c.getMethods() : on.getClass().getMethods()) {
            if (method.getName().equals(name)) {
                try {
                    return method.invoke(on instanceof Class<?> ? null : on, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(name);
    }

    @Test
    void gatedMethodsTellTheGateTheirKeyAndArgumentThenRunAsBefore() throws Throwable {
        Class<?> target = target();
        Object instance = target.getConstructor().newInstance();

        call(instance, "exit", 3);
        Object name = call(target, "name", "x");
        Object owner = call(instance, "owner", "total=");
        Object loop = call(target, "loop", 10);

        assertThat(List.of(name, owner, loop)).containsExactly("name:x", "total=3", 19);
        assertThat(RecordingGate.calls).containsExactly("EXIT=3", "NAME=x", "OWNER=total=", "LOOP=null");
    }

    @Test
    void aGateThatThrowsStopsTheMethodBeforeItDoesAnything() throws Throwable {
        Class<?> target = target();
        Object instance = target.getConstructor().newInstance();
        RecordingGate.refuse = true;

        assertThatThrownBy(() -> call(instance, "exit", 3)).isInstanceOf(SecurityException.class).hasMessage("EXIT refused");
        assertThat(target.getField("total").getInt(instance)).isZero();
    }

    @Test
    void aLoopBackToTheFirstInstructionPassesTheGateOnlyOnce() throws Throwable {
        Class<?> target = target();

        assertThat(call(target, "again", 5)).isEqualTo(0);
        assertThat(RecordingGate.calls).containsExactly("AGAIN=null");
    }

    @Test
    void theMethodsOwnHandlersDoNotCatchWhatTheGateThrows() throws Throwable {
        Class<?> target = target();
        RecordingGate.refuse = true;

        assertThatThrownBy(() -> call(target, "caught", " x ")).isInstanceOf(SecurityException.class).hasMessage("CAUGHT refused");
        RecordingGate.refuse = false;
        assertThat(call(target, "caught", " x ")).isEqualTo("x");
    }

    @Test
    void methodsThatAreNotNamedAreLeftAlone() throws Throwable {
        Class<?> target = target();

        assertThat(call(target, "untouched", 21)).isEqualTo(42);
        assertThat(RecordingGate.calls).isEmpty();
    }

    @Test
    void everyMethodOfARealLibraryStillVerifiesWithAGateAtItsEntry() throws Exception {
        Map<String, byte[]> classes = jarClasses(ObjectMapper.class);
        Loader loader = new Loader(classes, bytes -> GateInjector.inject(bytes, GATE, "check", everyMethod(bytes, classes)));
        List<String> broken = new ArrayList<>();
        int verified = 0;
        for (String name : classes.keySet()) {
            try {
                Class.forName(name, false, loader).getDeclaredMethods();
                verified++;
            } catch (VerifyError | ClassFormatError e) {
                broken.add(name + ": " + e);
            } catch (NoClassDefFoundError e) {
                // an optional dependency that is not on the test classpath
            }
        }
        assertThat(broken).isEmpty();
        assertThat(verified).isGreaterThan(600);
    }

    @Test
    void aClassFileItCannotReadIsRefusedWithTheReason() {
        assertThatThrownBy(() -> GateInjector.inject(new byte[] {1, 2, 3}, GATE, "check", GATED))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot put gates into the class: not a class file");
    }

    /** Every method the class declares (read from the original library class, loaded without gates). */
    private static List<Gated> everyMethod(byte[] bytes, Map<String, byte[]> classes) {
        List<Gated> gated = new ArrayList<>();
        try {
            Class<?> original = Class.forName(className(bytes, classes), false, GateInjectorTest.class.getClassLoader());
            for (Method method : original.getDeclaredMethods()) {
                if (!Modifier.isAbstract(method.getModifiers()) && !Modifier.isNative(method.getModifiers())) {
                    String descriptor = MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString();
                    gated.add(new Gated(method.getName(), descriptor, method.getName(), Argument.NONE));
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // an optional dependency is missing: nothing to gate
        }
        return gated;
    }

    private static String className(byte[] bytes, Map<String, byte[]> classes) {
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            if (entry.getValue() == bytes) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("not one of the library's classes");
    }

    private static Map<String, byte[]> jarClasses(Class<?> anchor) throws IOException, URISyntaxException {
        Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, byte[]> classes = new HashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                    classes.put(name.substring(0, name.length() - 6).replace('/', '.'), file.getInputStream(entry).readAllBytes());
                }
            }
        }
        return classes;
    }

    /** Defines {@code classes} child first, each rewritten by {@code rewrite}. */
    private static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classes;
        private final UnaryOperator<byte[]> rewrite;

        Loader(Map<String, byte[]> classes, UnaryOperator<byte[]> rewrite) {
            super("gate-test", GateInjectorTest.class.getClassLoader());
            this.classes = classes;
            this.rewrite = rewrite;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!classes.containsKey(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = rewrite.apply(classes.get(name));
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                return loaded;
            }
        }
    }
}
