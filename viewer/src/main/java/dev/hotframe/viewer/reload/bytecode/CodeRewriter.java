package dev.hotframe.viewer.reload.bytecode;

import static dev.hotframe.viewer.reload.bytecode.ClassBytes.s2;
import static dev.hotframe.viewer.reload.bytecode.ClassBytes.s4;
import static dev.hotframe.viewer.reload.bytecode.ClassBytes.u1;
import static dev.hotframe.viewer.reload.bytecode.ClassBytes.u2;

import java.util.Arrays;

/**
 * Rewrites one method's {@code Code} attribute: an entry sequence goes in at offset 0 and,
 * optionally, a check before every instruction that can branch backwards ({@link FuelInjector}
 * puts a call to {@code Fuel.tick()} in both places, {@link GateInjector} a call to the host-call
 * gate at entry only). Branches to an instruction land on the code in front of it, so stack map
 * frames move with their instruction and every frame stays valid: the inserted code must leave
 * the operand stack as it found it (empty), and may use up to {@code minStack} slots meanwhile.
 */
final class CodeRewriter {

    private static final int GOTO_W = 0xC8;
    private static final int TABLESWITCH = 0xAA;
    private static final int LOOKUPSWITCH = 0xAB;
    private static final int WIDE = 0xC4;
    private static final int[] LENGTHS = lengths();

    private final byte[] in;
    private final int body;
    private final int bodyLength;
    private final ConstantPool constants;
    private final byte[] entry;
    private final byte[] back;
    private final int minStack;
    private final int code;
    private final int codeLength;
    /** For each old offset that starts an instruction: where its check (or the instruction) now starts, else -1. */
    private final int[] newStart;
    /** For each old offset that starts an instruction: where the instruction itself now starts, else -1. */
    private final int[] newInstr;

    /**
     * @param entry    the code inserted at offset 0
     * @param back     the code inserted before each backward branch, or null for none
     * @param minStack the operand stack the inserted code needs
     */
    CodeRewriter(byte[] in, int body, int bodyLength, ConstantPool constants, byte[] entry, byte[] back, int minStack) {
        this.in = in;
        this.entry = entry;
        this.back = back;
        this.minStack = minStack;
        this.body = body;
        this.bodyLength = bodyLength;
        this.constants = constants;
        this.code = body + 8;
        this.codeLength = s4(in, body + 4);
        this.newStart = new int[codeLength + 1];
        this.newInstr = new int[codeLength + 1];
    }

    /** The new attribute body (without name and length). */
    byte[] rewrite() throws ClassBytes.Unsupported {
        boolean[] check = layout();
        ClassBytes.Out out = new ClassBytes.Out(bodyLength + 64);
        out.u2(Math.max(minStack, u2(in, body))).copy(in, body + 2, 2).s4(newStart[codeLength]);
        for (int pc = 0; pc < codeLength; pc += length(pc)) {
            if (check[pc]) {
                out.copy(pc == 0 ? entry : back);
            }
            instruction(pc, out);
        }
        int at = code + codeLength;
        int handlers = u2(in, at);
        out.u2(handlers);
        at += 2;
        for (int i = 0; i < handlers; i++, at += 8) {
            out.u2(target(u2(in, at))).u2(start(u2(in, at + 2))).u2(target(u2(in, at + 4))).copy(in, at + 6, 2);
        }
        attributes(at, out);
        return out.toByteArray();
    }

    /** Finds the instructions, decides where checks go, and computes every instruction's new offset. */
    private boolean[] layout() throws ClassBytes.Unsupported {
        Arrays.fill(newStart, -1);
        Arrays.fill(newInstr, -1);
        boolean[] check = new boolean[Math.max(1, codeLength)];
        check[0] = true;
        int pos = 0;
        for (int pc = 0; pc < codeLength; ) {
            int length = length(pc);
            if (pc + length > codeLength) {
                throw new ClassBytes.Unsupported("an instruction runs past the end of the code");
            }
            check[pc] |= back != null && branchesBack(pc);
            newStart[pc] = pos;
            pos += check[pc] ? (pc == 0 ? entry : back).length : 0;
            newInstr[pc] = pos;
            int op = u1(in, code + pc);
            pos += op == TABLESWITCH || op == LOOKUPSWITCH ? length - pad(pc + 1) + pad(pos + 1) : length;
            pc += length;
        }
        newStart[codeLength] = pos;
        newInstr[codeLength] = pos;
        if (pos > 0xFFFF) {
            throw new ClassBytes.Unsupported("the code would exceed 64 KiB");
        }
        return check;
    }

    private boolean branchesBack(int pc) {
        int op = u1(in, code + pc);
        if (isBranch16(op)) {
            return s2(in, code + pc + 1) <= 0;
        }
        if (op == GOTO_W) {
            return s4(in, code + pc + 1) <= 0;
        }
        if (op == TABLESWITCH || op == LOOKUPSWITCH) {
            int[] targets = switchOffsets(pc);
            return Arrays.stream(targets).anyMatch(offset -> offset <= 0);
        }
        return false;
    }

    private void instruction(int pc, ClassBytes.Out out) throws ClassBytes.Unsupported {
        int op = u1(in, code + pc);
        int here = newInstr[pc];
        if (isBranch16(op)) {
            int offset = target(pc + s2(in, code + pc + 1)) - here;
            if (offset < Short.MIN_VALUE || offset > Short.MAX_VALUE) {
                throw new ClassBytes.Unsupported("a branch would not fit in 16 bits");
            }
            out.u1(op).u2(offset);
        } else if (op == GOTO_W) {
            out.u1(op).s4(target(pc + s4(in, code + pc + 1)) - here);
        } else if (op == TABLESWITCH || op == LOOKUPSWITCH) {
            out.u1(op);
            for (int i = pad(here + 1); i > 0; i--) {
                out.u1(0);
            }
            int at = code + pc + 1 + pad(pc + 1);
            out.s4(target(pc + s4(in, at)) - here);
            if (op == TABLESWITCH) {
                out.copy(in, at + 4, 8);
                int count = s4(in, at + 8) - s4(in, at + 4) + 1;
                for (int i = 0; i < count; i++) {
                    out.s4(target(pc + s4(in, at + 12 + 4 * i)) - here);
                }
            } else {
                int pairs = s4(in, at + 4);
                out.copy(in, at + 4, 4);
                for (int i = 0; i < pairs; i++) {
                    out.copy(in, at + 8 + 8 * i, 4).s4(target(pc + s4(in, at + 12 + 8 * i)) - here);
                }
            }
        } else {
            out.copy(in, code + pc, length(pc));
        }
    }

    private void attributes(int at, ClassBytes.Out out) throws ClassBytes.Unsupported {
        int count = u2(in, at);
        at += 2;
        ClassBytes.Out kept = new ClassBytes.Out(64);
        int keptCount = 0;
        for (int i = 0; i < count; i++) {
            int name = u2(in, at);
            int length = s4(in, at + 2);
            int data = at + 6;
            at = data + length;
            byte[] rewritten;
            if (constants.is(name, "LineNumberTable")) {
                rewritten = lineNumbers(data);
            } else if (constants.is(name, "LocalVariableTable") || constants.is(name, "LocalVariableTypeTable")) {
                rewritten = localVariables(data);
            } else if (constants.is(name, "StackMapTable")) {
                rewritten = StackMapRewriter.rewrite(in, data, this::target, this::instructionStart);
            } else if (constants.is(name, "RuntimeVisibleTypeAnnotations") || constants.is(name, "RuntimeInvisibleTypeAnnotations")) {
                continue; // they hold code offsets; nothing at run time reads type annotations inside method bodies
            } else {
                throw new ClassBytes.Unsupported("unknown code attribute " + constants.utf8(name));
            }
            kept.u2(name).s4(rewritten.length).copy(rewritten);
            keptCount++;
        }
        out.u2(keptCount).copy(kept.toByteArray());
    }

    private byte[] lineNumbers(int at) throws ClassBytes.Unsupported {
        int count = u2(in, at);
        ClassBytes.Out out = new ClassBytes.Out(2 + 4 * count).u2(count);
        for (int i = 0; i < count; i++) {
            int entry = at + 2 + 4 * i;
            out.u2(start(u2(in, entry))).copy(in, entry + 2, 2);
        }
        return out.toByteArray();
    }

    private byte[] localVariables(int at) throws ClassBytes.Unsupported {
        int count = u2(in, at);
        ClassBytes.Out out = new ClassBytes.Out(2 + 10 * count).u2(count);
        for (int i = 0; i < count; i++) {
            int entry = at + 2 + 10 * i;
            int from = u2(in, entry);
            int newFrom = start(from);
            out.u2(newFrom).u2(start(from + u2(in, entry + 2)) - newFrom).copy(in, entry + 4, 6);
        }
        return out.toByteArray();
    }

    /**
     * Where a branch (or an exception range, or a stack map frame) at old offset {@code pc} now goes:
     * the check in front of the instruction, except at offset 0, where it goes past the entry code.
     * The entry code runs once per call, so a loop back to the method's first instruction runs only
     * its own check, and the method's own exception handlers never catch what the entry code throws.
     * An instruction at offset 0 that itself branches back keeps the entry code as its check.
     */
    private int target(int pc) throws ClassBytes.Unsupported {
        return pc == 0 && !(back != null && branchesBack(0)) ? newInstr[0] : start(pc);
    }

    /** Where old offset {@code pc} now starts: the check in front of the instruction, if any. */
    private int start(int pc) throws ClassBytes.Unsupported {
        if (pc < 0 || pc > codeLength || newStart[pc] < 0) {
            throw new ClassBytes.Unsupported("an offset points into the middle of an instruction: " + pc);
        }
        return newStart[pc];
    }

    /** Where the instruction at old offset {@code pc} itself now is (for a {@code new} named by a stack map frame). */
    private int instructionStart(int pc) throws ClassBytes.Unsupported {
        if (pc < 0 || pc >= codeLength || newInstr[pc] < 0) {
            throw new ClassBytes.Unsupported("an uninitialized type names no instruction: " + pc);
        }
        return newInstr[pc];
    }

    private int length(int pc) throws ClassBytes.Unsupported {
        int op = u1(in, code + pc);
        if (op == TABLESWITCH) {
            int at = pc + 1 + pad(pc + 1);
            return at - pc + 12 + 4 * (s4(in, code + at + 8) - s4(in, code + at + 4) + 1);
        }
        if (op == LOOKUPSWITCH) {
            int at = pc + 1 + pad(pc + 1);
            return at - pc + 8 + 8 * s4(in, code + at + 4);
        }
        if (op == WIDE) {
            int widened = u1(in, code + pc + 1);
            if (widened == 0xA9) {
                throw new ClassBytes.Unsupported("the method uses ret");
            }
            return widened == 0x84 ? 6 : 4;
        }
        if (LENGTHS[op] == 0) {
            throw new ClassBytes.Unsupported("unsupported opcode 0x" + Integer.toHexString(op));
        }
        return LENGTHS[op];
    }

    private int[] switchOffsets(int pc) {
        int at = code + pc + 1 + pad(pc + 1);
        boolean table = u1(in, code + pc) == TABLESWITCH;
        int count = table ? s4(in, at + 8) - s4(in, at + 4) + 1 : s4(in, at + 4);
        int[] offsets = new int[count + 1];
        offsets[0] = s4(in, at);
        for (int i = 0; i < count; i++) {
            offsets[i + 1] = table ? s4(in, at + 12 + 4 * i) : s4(in, at + 12 + 8 * i);
        }
        return offsets;
    }

    private static boolean isBranch16(int op) {
        return op >= 0x99 && op <= 0xA7 || op == 0xC6 || op == 0xC7;
    }

    /** Padding after a switch opcode so that its operands start at a multiple of four. */
    private static int pad(int offsetAfterOpcode) {
        return -offsetAfterOpcode & 3;
    }

    /** Fixed instruction lengths; 0 for the variable ones (handled above) and for jsr, ret and jsr_w, which are refused. */
    private static int[] lengths() {
        int[] lengths = new int[256];
        fill(lengths, 0x00, 0x0F, 1);
        lengths[0x10] = 2;
        lengths[0x11] = 3;
        lengths[0x12] = 2;
        fill(lengths, 0x13, 0x14, 3);
        fill(lengths, 0x15, 0x19, 2);
        fill(lengths, 0x1A, 0x35, 1);
        fill(lengths, 0x36, 0x3A, 2);
        fill(lengths, 0x3B, 0x83, 1);
        lengths[0x84] = 3;
        fill(lengths, 0x85, 0x98, 1);
        fill(lengths, 0x99, 0xA7, 3);
        fill(lengths, 0xAC, 0xB1, 1);
        fill(lengths, 0xB2, 0xB8, 3);
        fill(lengths, 0xB9, 0xBA, 5);
        lengths[0xBB] = 3;
        lengths[0xBC] = 2;
        lengths[0xBD] = 3;
        fill(lengths, 0xBE, 0xBF, 1);
        fill(lengths, 0xC0, 0xC1, 3);
        fill(lengths, 0xC2, 0xC3, 1);
        lengths[0xC5] = 4;
        fill(lengths, 0xC6, 0xC7, 3);
        lengths[0xC8] = 5;
        return lengths;
    }

    private static void fill(int[] lengths, int from, int to, int length) {
        Arrays.fill(lengths, from, to + 1, length);
    }
}
