package dev.hotframe.viewer.reload.bytecode;

import static dev.hotframe.viewer.reload.bytecode.ClassBytes.u2;

import dev.hotframe.viewer.reload.guard.Fuel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites an app class so that every method calls {@link Fuel#tick()} on entry and before
 * every backward branch (a static initializer calls {@link Fuel#initializing()} on entry, which
 * also notes that the class was initialized): the cheap budget checks that let the watchdog stop a runaway loop or
 * recursion from inside (the "fuel" of interpreted languages). It appends a few constant-pool
 * entries and three bytes per check, and fixes up branch offsets, switch padding, exception
 * tables, stack map frames and debug tables. A method it cannot rewrite safely (one that would
 * outgrow 64 KiB or a 16-bit branch, or that uses {@code jsr}) is left as it was, without checks.
 */
public final class FuelInjector {

    private static final Logger log = LoggerFactory.getLogger(FuelInjector.class);
    private static final int INVOKESTATIC = 0xB8;
    private static final int ACC_NATIVE = 0x0100;
    private static final int ACC_ABSTRACT = 0x0400;

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
        ConstantPool constants = new ConstantPool(in);
        String fuel = Fuel.class.getName().replace('.', '/');
        byte[] tick = call(constants.methodref(fuel, "tick", "()V"));
        byte[] initializing = call(constants.methodref(fuel, "initializing", "()V"));
        int at = constants.end();
        ClassBytes.Out out = new ClassBytes.Out(in.length + 256);
        out.copy(in, 0, 8);
        constants.write(out);

        int interfaces = u2(in, at + 6);
        int start = at;
        at += 8 + 2 * interfaces;
        at = skipMembers(in, at);
        out.copy(in, start, at - start);

        int methods = u2(in, at);
        out.u2(methods);
        at += 2;
        for (int m = 0; m < methods; m++) {
            at = method(in, at, out, constants, tick, initializing, counts);
        }
        out.copy(in, at, in.length - at);
        return out.toByteArray();
    }

    /** An {@code invokestatic} of constant {@code methodref}. */
    private static byte[] call(int methodref) {
        return new byte[] {(byte) INVOKESTATIC, (byte) (methodref >>> 8), (byte) methodref};
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
    private static int method(byte[] in, int at, ClassBytes.Out out, ConstantPool constants, byte[] tick, byte[] initializing,
                              int[] counts) {
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
                    byte[] entry = constants.is(name, "<clinit>") ? initializing : tick;
                    code = new CodeRewriter(in, at + 6, length, constants, entry, tick, 0).rewrite();
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
}
