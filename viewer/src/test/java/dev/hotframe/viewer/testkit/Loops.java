package dev.hotframe.viewer.testkit;

import dev.hotframe.wire.ClassFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code demo.Loops}, the fuel checks' test subject: loops, switches (both kinds, with every
 * padding), handlers, constructors with branches before super(), lambdas, recursion, and a
 * {@code spin} that never returns (its loop is at {@code Loops.java:93}).
 */
public final class Loops {

    public static final String SOURCE = """
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

    private static final List<ClassFile> CLASSES = TestCompiler.compile(SOURCE);

    private Loops() {
    }

    /** The compiled classes, by name. */
    public static Map<String, byte[]> classes() {
        Map<String, byte[]> map = new HashMap<>();
        CLASSES.forEach(c -> map.put(c.name(), c.bytes()));
        return map;
    }
}
