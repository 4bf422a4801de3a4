package dev.hotframe.viewer.reload.bytecode;

import static dev.hotframe.viewer.reload.bytecode.ClassBytes.u1;
import static dev.hotframe.viewer.reload.bytecode.ClassBytes.u2;

/** Re-encodes a {@code StackMapTable} after {@link CodeRewriter} moved the instructions. */
final class StackMapRewriter {

    private static final int ITEM_OBJECT = 7;
    private static final int ITEM_UNINITIALIZED = 8;
    private static final int SAME_LOCALS_1_EXTENDED = 247;
    private static final int SAME_EXTENDED = 251;
    private static final int FULL = 255;

    /** Maps an old code offset to a new one. */
    interface Offsets {
        int map(int pc) throws ClassBytes.Unsupported;
    }

    private final byte[] in;
    private final Offsets uninitialized;
    private final ClassBytes.Out out;
    private int at;

    private StackMapRewriter(byte[] in, int at, Offsets uninitialized) {
        this.in = in;
        this.at = at;
        this.uninitialized = uninitialized;
        this.out = new ClassBytes.Out(64);
    }

    /**
     * @param frames        where a frame at an old offset goes (in front of the instruction's check)
     * @param uninitialized where the {@code new} instruction at an old offset went
     */
    static byte[] rewrite(byte[] in, int at, Offsets frames, Offsets uninitialized) throws ClassBytes.Unsupported {
        StackMapRewriter rewriter = new StackMapRewriter(in, at, uninitialized);
        rewriter.frames(frames);
        return rewriter.out.toByteArray();
    }

    private void frames(Offsets frames) throws ClassBytes.Unsupported {
        int count = u2(in, at);
        at += 2;
        out.u2(count);
        int oldPrevious = -1;
        int newPrevious = -1;
        for (int i = 0; i < count; i++) {
            int type = u1(in, at++);
            int delta;
            if (type < 128) {
                delta = type < 64 ? type : type - 64;
            } else if (type >= SAME_LOCALS_1_EXTENDED) {
                delta = u2(in, at);
                at += 2;
            } else {
                throw new ClassBytes.Unsupported("reserved stack map frame type " + type);
            }
            int old = oldPrevious + delta + 1;
            int moved = frames.map(old);
            int newDelta = moved - newPrevious - 1;
            if (newDelta < 0) {
                throw new ClassBytes.Unsupported("stack map frames out of order");
            }
            frame(type, newDelta);
            oldPrevious = old;
            newPrevious = moved;
        }
    }

    private void frame(int type, int delta) throws ClassBytes.Unsupported {
        if (type < 64) {
            if (delta < 64) {
                out.u1(delta);
            } else {
                out.u1(SAME_EXTENDED).u2(delta);
            }
        } else if (type < 128) {
            if (delta < 64) {
                out.u1(64 + delta);
            } else {
                out.u1(SAME_LOCALS_1_EXTENDED).u2(delta);
            }
            types(1);
        } else if (type == SAME_LOCALS_1_EXTENDED) {
            out.u1(type).u2(delta);
            types(1);
        } else if (type <= SAME_EXTENDED) {
            out.u1(type).u2(delta);
        } else if (type < FULL) {
            out.u1(type).u2(delta);
            types(type - SAME_EXTENDED);
        } else {
            out.u1(type).u2(delta);
            int locals = u2(in, at);
            at += 2;
            out.u2(locals);
            types(locals);
            int stack = u2(in, at);
            at += 2;
            out.u2(stack);
            types(stack);
        }
    }

    private void types(int count) throws ClassBytes.Unsupported {
        for (int i = 0; i < count; i++) {
            int tag = u1(in, at++);
            out.u1(tag);
            if (tag == ITEM_OBJECT) {
                out.copy(in, at, 2);
                at += 2;
            } else if (tag == ITEM_UNINITIALIZED) {
                out.u2(uninitialized.map(u2(in, at)));
                at += 2;
            } else if (tag > ITEM_UNINITIALIZED) {
                throw new ClassBytes.Unsupported("unknown verification type " + tag);
            }
        }
    }
}
