package dev.hotframe.viewer.reload.bytecode;

import static dev.hotframe.viewer.reload.bytecode.ClassBytes.u2;

import java.util.List;

/**
 * Puts a call to a gate at the entry of chosen methods of a class: {@code gate(key, argument)},
 * where {@code key} names the method and {@code argument} is one of its parameters (boxed), its
 * receiver or null. The gate either returns, and the method runs as before, or throws, and the
 * method never starts. The viewer uses it on the JDK's own {@code Runtime}, {@code System},
 * {@code Thread} and signal classes, so that app code cannot end or take over the viewer (see
 * {@code reload.guard.HostCalls}). Methods that are not named are copied unchanged.
 */
public final class GateInjector {

    private static final int LDC_W = 0x13;
    private static final int INVOKESTATIC = 0xB8;
    private static final int ACONST_NULL = 0x01;
    private static final int ILOAD_1 = 0x1B;
    private static final int ALOAD_0 = 0x2A;
    private static final int ALOAD_1 = 0x2B;

    private GateInjector() {
    }

    /** What the gate is passed as its second argument. */
    public enum Argument {
        /** null */
        NONE,
        /** the {@code int} first parameter of an instance method, boxed (the status of {@code exit(int)}) */
        INT_PARAMETER,
        /** local 0: the receiver of an instance method, or the first parameter of a static one */
        LOCAL_0,
        /** local 1: the first parameter of an instance method */
        LOCAL_1
    }

    /** One method to gate: by name and descriptor, with the key the gate is told. */
    public record Gated(String name, String descriptor, String key, Argument argument) {
    }

    /**
     * The class with the gate call at the entry of each {@code gated} method it declares.
     *
     * @param gateOwner the gate's class, internal name ({@code jdk/internal/misc/Gate})
     * @param gateName  a static method {@code (Ljava/lang/String;Ljava/lang/Object;)V} of it
     * @throws IllegalArgumentException when the class cannot be rewritten, or a method it declares could not be
     */
    public static byte[] inject(byte[] original, String gateOwner, String gateName, List<Gated> gated) {
        try {
            return rewrite(original, gateOwner, gateName, gated);
        } catch (ClassBytes.Unsupported | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("cannot put gates into the class: " + e.getMessage(), e);
        }
    }

    private static byte[] rewrite(byte[] in, String gateOwner, String gateName, List<Gated> gated) throws ClassBytes.Unsupported {
        ConstantPool constants = new ConstantPool(in);
        int gate = constants.methodref(gateOwner, gateName, "(Ljava/lang/String;Ljava/lang/Object;)V");
        int valueOf = constants.methodref("java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;");
        byte[][] entries = new byte[gated.size()][];
        for (int i = 0; i < gated.size(); i++) {
            entries[i] = entry(constants.string(gated.get(i).key()), gated.get(i).argument(), valueOf, gate);
        }
        int at = constants.end();
        ClassBytes.Out out = new ClassBytes.Out(in.length + 512);
        out.copy(in, 0, 8);
        constants.write(out);
        int start = at;
        at += 8 + 2 * u2(in, at + 6);
        int fields = u2(in, at);
        at += 2;
        for (int i = 0; i < fields; i++) {
            at = skipAttributes(in, at + 6);
        }
        out.copy(in, start, at - start);
        int methods = u2(in, at);
        out.u2(methods);
        at += 2;
        for (int m = 0; m < methods; m++) {
            int which = find(constants, u2(in, at + 2), u2(in, at + 4), gated);
            at = method(in, at, out, constants, which < 0 ? null : entries[which]);
        }
        out.copy(in, at, in.length - at);
        return out.toByteArray();
    }

    /** {@code ldc_w key; <argument>; invokestatic gate}: leaves the operand stack empty again. */
    private static byte[] entry(int key, Argument argument, int valueOf, int gate) {
        ClassBytes.Out code = new ClassBytes.Out(16).u1(LDC_W).u2(key);
        switch (argument) {
            case NONE -> code.u1(ACONST_NULL);
            case INT_PARAMETER -> code.u1(ILOAD_1).u1(INVOKESTATIC).u2(valueOf);
            case LOCAL_0 -> code.u1(ALOAD_0);
            case LOCAL_1 -> code.u1(ALOAD_1);
        }
        return code.u1(INVOKESTATIC).u2(gate).toByteArray();
    }

    private static int find(ConstantPool constants, int name, int descriptor, List<Gated> gated) {
        for (int i = 0; i < gated.size(); i++) {
            if (constants.is(name, gated.get(i).name()) && constants.is(descriptor, gated.get(i).descriptor())) {
                return i;
            }
        }
        return -1;
    }

    private static int method(byte[] in, int at, ClassBytes.Out out, ConstantPool constants, byte[] entry)
            throws ClassBytes.Unsupported {
        int attributes = u2(in, at + 6);
        out.copy(in, at, 8);
        at += 8;
        for (int i = 0; i < attributes; i++) {
            int length = ClassBytes.s4(in, at + 2);
            if (entry != null && constants.is(u2(in, at), "Code")) {
                byte[] code = new CodeRewriter(in, at + 6, length, constants, entry, null, 2).rewrite();
                out.copy(in, at, 2).s4(code.length).copy(code);
            } else {
                out.copy(in, at, 6 + length);
            }
            at += 6 + length;
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

    /**
     * The class renamed from {@code from} to {@code to} (internal names): every Utf8 constant that
     * is exactly {@code from} becomes {@code to}. Enough for a small class that names itself only
     * as its own class (the gate, compiled in the viewer and defined again inside {@code java.base}).
     */
    public static byte[] rename(byte[] original, String from, String to) {
        try {
            ConstantPool constants = new ConstantPool(original);
            ClassBytes.Out out = new ClassBytes.Out(original.length + to.length());
            out.copy(original, 0, 10);
            constants.copyRenaming(out, from, to);
            out.copy(original, constants.end(), original.length - constants.end());
            return out.toByteArray();
        } catch (ClassBytes.Unsupported | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("cannot rename the class: " + e.getMessage(), e);
        }
    }
}
