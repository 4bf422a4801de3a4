package dev.hotframe.devserver.compile;

import dev.hotframe.wire.Tier;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Tells when a change alters how the app starts, which neither a redefine nor a reload would
 * show: the body of the app class's {@code initialState()} (it ran once, long ago) or its state
 * type, the {@code S} of {@code HotframeApp<S>}. Those get the {@code restart} tier: the viewer
 * re-creates the app in the same window, runs the new {@code initialState()} and restores the last
 * state over it. Line numbers are ignored, so code that only moved does not restart.
 */
final class StartChange {

    private static final String CONTRACT = "Ldev/hotframe/app/HotframeApp<";

    private StartChange() {
    }

    /** {@code c}, or {@code c} raised to {@code restart} with the reason, when the app class's start changed. */
    static Classification escalate(Classification c, String appClass, byte[] before, byte[] after) {
        if (appClass == null || before == null || after == null || java.util.Arrays.equals(before, after)) {
            return c;
        }
        Entry old = Entry.of(before);
        Entry now = Entry.of(after);
        String app = ShapeClassifier.simple(appClass);
        String why = !Objects.equals(old.stateType(), now.stateType())
                ? app + "'s state type changed from " + old.stateType() + " to " + now.stateType()
                : !Objects.equals(old.initialState(), now.initialState()) ? app + ".initialState() changed" : null;
        if (why == null) {
            return c;
        }
        return new Classification(Tier.RESTART, c.structural() ? why + "; " + c.reason() : why,
                c.changed(), c.removed());
    }

    /** The parts of an app class that decide how it starts. */
    record Entry(String stateType, String initialState) {

        static Entry of(byte[] bytes) {
            String[] signature = new String[1];
            StringBuilder body = new StringBuilder();
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visit(int version, int access, String name, String sig, String superName, String[] interfaces) {
                    signature[0] = sig;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String sig, String[] exceptions) {
                    boolean bridge = (access & (Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)) != 0;
                    return name.equals("initialState") && descriptor.startsWith("()") && !bridge ? new Instructions(body) : null;
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return new Entry(stateType(signature[0]), body.toString());
        }

        /** {@code com.example.State} from a class signature that implements {@code HotframeApp<Lcom/example/State;>}, or null. */
        static String stateType(String signature) {
            int at = signature == null ? -1 : signature.indexOf(CONTRACT);
            if (at < 0) {
                return null;
            }
            int start = at + CONTRACT.length();
            int depth = 0;
            for (int i = start; i < signature.length(); i++) {
                char ch = signature.charAt(i);
                if (ch == '<') {
                    depth++;
                } else if (ch == '>' && depth-- == 0) {
                    String type = signature.substring(start, i);
                    return type.startsWith("L") && type.endsWith(";") && type.indexOf('<') < 0
                            ? type.substring(1, type.length() - 1).replace('/', '.').replace('$', '.') : type;
                }
            }
            return null;
        }
    }

    /** Writes a method's instructions as text, labels numbered in order of appearance, so two bodies compare as strings. */
    static final class Instructions extends MethodVisitor {
        private final StringBuilder out;
        private final Map<Label, Integer> labels = new HashMap<>();

        Instructions(StringBuilder out) {
            super(Opcodes.ASM9);
            this.out = out;
        }

        private StringBuilder op(Object... parts) {
            for (Object part : parts) {
                out.append(part instanceof Label label ? "L" + labels.computeIfAbsent(label, l -> labels.size()) : part).append(' ');
            }
            return out.append('\n');
        }

        @Override
        public void visitInsn(int opcode) {
            op(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            op(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            op(opcode, var);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            op(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            op(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            op(opcode, owner, name, descriptor);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
            op("indy", name, descriptor, bsm, java.util.Arrays.deepToString(args));
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            op(opcode, label);
        }

        @Override
        public void visitLabel(Label label) {
            op("label", label);
        }

        @Override
        public void visitLdcInsn(Object value) {
            op("ldc", value.getClass().getSimpleName(), value);
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            op("iinc", var, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
            op("tableswitch", min, max, dflt, java.util.Arrays.stream(targets).map(this::name).toList());
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
            op("lookupswitch", dflt, java.util.Arrays.toString(keys), java.util.Arrays.stream(targets).map(this::name).toList());
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            op("multianewarray", descriptor, dimensions);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            op("try", start, end, handler, type);
        }

        private String name(Label label) {
            return "L" + labels.computeIfAbsent(label, l -> labels.size());
        }
    }
}
