package dev.hotframe.viewer.reload.bytecode;

import static dev.hotframe.viewer.reload.bytecode.ClassBytes.u1;
import static dev.hotframe.viewer.reload.bytecode.ClassBytes.u2;

import dev.hotframe.viewer.reload.guard.Fuel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites an app class so that every method calls {@link Fuel#tick()} on entry and before
 * every backward branch (a static initializer calls {@link Fuel#initializing()} on entry, which
 * also notes that the class was initialized): the cheap budget checks that let the watchdog stop a runaway loop or
 * recursion from inside (the "fuel" of interpreted languages). It appends six constant-pool
 * entries and three bytes per check, and fixes up branch offsets, switch padding, exception
 * tables, stack map frames and debug tables. A method it cannot rewrite safely (one that would
 * outgrow 64 KiB or a 16-bit branch, or that uses {@code jsr}) is left as it was, without checks.
 */
public final class FuelInjector {

    private static final Logger log = LoggerFactory.getLogger(FuelInjector.class);
    private static final int MAGIC = 0xCAFEBABE;
    private static final int ACC_NATIVE = 0x0100;
    private static final int ACC_ABSTRACT = 0x0400;
    /**
     * The constant-pool entries appended: Utf8 owner, Class, Utf8 "tick", Utf8 "()V", NameAndType,
     * Methodref (tick); Utf8 "initializing", NameAndType, Methodref (initializing).
     */
    private static final int ADDED_CONSTANTS = 9;

    private FuelInjector() {
    }

    /** A rewritten class, with how many methods got checks and how many had to be left without. */
    record Injected(byte[] bytes, int metered, int unmetered) {
    }

    /** The class with fuel checks, or {@code original} unchanged when it is not a class file this can rewrite. */
    public static byte[] inject(byte[] original) {
        return injectCounting(original).bytes();
    }

    static Injected injectCounting(byte[] original) {
        try {
            int[] counts = new int[2];
            byte[] bytes = rewrite(original, counts);
            return new Injected(bytes, counts[0], counts[1]);
        } catch (ClassBytes.Unsupported e) {
            log.debug("left a class without fuel checks: {}", e.getMessage());
            return new Injected(original, 0, 0);
        } catch (IndexOutOfBoundsException e) {
            // A truncated or corrupt class: defineClass reports it with the JVM's own message.
            return new Injected(original, 0, 0);
        }
    }

    /** @param counts receives the number of methods metered ([0]) and left unmetered ([1]) */
    private static byte[] rewrite(byte[] in, int[] counts) throws ClassBytes.Unsupported {
        if (in.length < 10 || ClassBytes.s4(in, 0) != MAGIC) {
            throw new ClassBytes.Unsupported("not a class file");
        }
        int count = u2(in, 8);
        if (count + ADDED_CONSTANTS > 0xFFFF) {
            throw new ClassBytes.Unsupported("the constant pool is full");
        }
        int[] offsets = new int[count];
        int at = 10;
        for (int i = 1; i < count; i++) {
            offsets[i] = at;
            int tag = u1(in, at);
            at += constantSize(tag, in, at);
            if (tag == 5 || tag == 6) {
                i++;
            }
        }
        Constants constants = new Constants(in, offsets, count + 5, count + 8);
        ClassBytes.Out out = new ClassBytes.Out(in.length + 256);
        out.copy(in, 0, 8).u2(count + ADDED_CONSTANTS).copy(in, 10, at - 10);
        appendTickConstants(out, count);

        int interfaces = u2(in, at + 6);
        int start = at;
        at += 8 + 2 * interfaces;
        at = skipMembers(in, at);
        out.copy(in, start, at - start);

        int methods = u2(in, at);
        out.u2(methods);
        at += 2;
        for (int m = 0; m < methods; m++) {
            at = method(in, at, out, constants, counts);
        }
        out.copy(in, at, in.length - at);
        return out.toByteArray();
    }

    private static void appendTickConstants(ClassBytes.Out out, int first) {
        utf8(out, Fuel.class.getName().replace('.', '/'));
        out.u1(7).u2(first);
        utf8(out, "tick");
        utf8(out, "()V");
        out.u1(12).u2(first + 2).u2(first + 3);
        out.u1(10).u2(first + 1).u2(first + 4);
        utf8(out, "initializing");
        out.u1(12).u2(first + 6).u2(first + 3);
        out.u1(10).u2(first + 1).u2(first + 7);
    }

    private static void utf8(ClassBytes.Out out, String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        out.u1(1).u2(bytes.length).copy(bytes);
    }

    /** Skips the fields: they are copied as they are. */
    private static int skipMembers(byte[] in, int at) {
        int members = u2(in, at);
        at += 2;
        for (int i = 0; i < members; i++) {
            at = skipAttributes(in, at + 6);
        }
        return at;
    }

    private static int skipAttributes(byte[] in, int at) {
        int attributes = u2(in, at);
        at += 2;
        for (int i = 0; i < attributes; i++) {
            at += 6 + ClassBytes.s4(in, at + 2);
        }
        return at;
    }

    /** Copies one method, with its Code attribute rewritten where that is safe. */
    private static int method(byte[] in, int at, ClassBytes.Out out, Constants constants, int[] counts) {
        int access = u2(in, at);
        int name = u2(in, at + 2);
        int attributes = u2(in, at + 6);
        out.copy(in, at, 8);
        at += 8;
        for (int i = 0; i < attributes; i++) {
            int length = ClassBytes.s4(in, at + 2);
            byte[] code = null;
            if ((access & (ACC_ABSTRACT | ACC_NATIVE)) == 0 && constants.is(u2(in, at), "Code")) {
                try {
                    code = new CodeRewriter(in, at + 6, length, constants, constants.is(name, "<clinit>")).rewrite();
                    counts[0]++;
                } catch (ClassBytes.Unsupported e) {
                    counts[1]++;
                    log.debug("left method {} without fuel checks: {}", constants.utf8(name), e.getMessage());
                }
            }
            if (code == null) {
                out.copy(in, at, 6 + length);
            } else {
                out.copy(in, at, 2).s4(code.length).copy(code);
            }
            at += 6 + length;
        }
        return at;
    }

    private static int constantSize(int tag, byte[] in, int at) {
        switch (tag) {
            case 1:
                return 3 + u2(in, at + 1);
            case 7: case 8: case 16: case 19: case 20:
                return 3;
            case 15:
                return 4;
            case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                return 5;
            case 5: case 6:
                return 9;
            default:
                throw new IndexOutOfBoundsException("unknown constant tag " + tag);
        }
    }

    /** Read access to the constant pool, and the indexes of the appended {@code Fuel.tick} and {@code Fuel.initializing} references. */
    static final class Constants {
        private final byte[] in;
        private final int[] offsets;
        final int tick;
        final int initializing;

        Constants(byte[] in, int[] offsets, int tick, int initializing) {
            this.in = in;
            this.offsets = offsets;
            this.tick = tick;
            this.initializing = initializing;
        }

        /** Whether entry {@code index} is the Utf8 {@code ascii}. */
        boolean is(int index, String ascii) {
            if (index <= 0 || index >= offsets.length || u1(in, offsets[index]) != 1) {
                return false;
            }
            int at = offsets[index];
            int length = u2(in, at + 1);
            return length == ascii.length()
                    && Arrays.equals(in, at + 3, at + 3 + length, ascii.getBytes(StandardCharsets.US_ASCII), 0, length);
        }

        String utf8(int index) {
            if (index <= 0 || index >= offsets.length || u1(in, offsets[index]) != 1) {
                return "#" + index;
            }
            int at = offsets[index];
            return new String(in, at + 3, u2(in, at + 1), StandardCharsets.UTF_8);
        }
    }
}
