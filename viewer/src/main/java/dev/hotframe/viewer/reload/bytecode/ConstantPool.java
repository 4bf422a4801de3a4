package dev.hotframe.viewer.reload.bytecode;

import static dev.hotframe.viewer.reload.bytecode.ClassBytes.u1;
import static dev.hotframe.viewer.reload.bytecode.ClassBytes.u2;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A class file's constant pool, read in place, with entries appended at its end: the injectors
 * add the few references their calls need (a method, a string) without renumbering anything.
 */
final class ConstantPool {

    private final byte[] in;
    private final int[] offsets;
    /** Where the pool ends in {@code in}: the class's access flags. */
    private final int end;
    private final ClassBytes.Out added = new ClassBytes.Out(128);
    private final Map<String, Integer> addedIndexes = new HashMap<>();
    private int next;

    /** Reads the pool of class file {@code in}, which must start with the magic number. */
    ConstantPool(byte[] in) throws ClassBytes.Unsupported {
        if (in.length < 10 || ClassBytes.s4(in, 0) != 0xCAFEBABE) {
            throw new ClassBytes.Unsupported("not a class file");
        }
        this.in = in;
        int count = u2(in, 8);
        this.offsets = new int[count];
        int at = 10;
        for (int i = 1; i < count; i++) {
            offsets[i] = at;
            int tag = u1(in, at);
            at += size(tag, in, at);
            if (tag == 5 || tag == 6) {
                i++;
            }
        }
        this.end = at;
        this.next = count;
    }

    /** The offset in the class file just after the pool. */
    int end() {
        return end;
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

    /** The text of Utf8 entry {@code index}, or {@code #index} when it is not one. */
    String utf8(int index) {
        if (index <= 0 || index >= offsets.length || u1(in, offsets[index]) != 1) {
            return "#" + index;
        }
        int at = offsets[index];
        return new String(in, at + 3, u2(in, at + 1), StandardCharsets.UTF_8);
    }

    /** The binary name of the class whose Class entry is {@code index} (for this_class). */
    String className(int index) {
        return index > 0 && index < offsets.length && u1(in, offsets[index]) == 7 ? utf8(u2(in, offsets[index] + 1)) : "#" + index;
    }

    /** Appends (once) a Methodref to static method {@code owner.name descriptor} and returns its index. */
    int methodref(String owner, String name, String descriptor) throws ClassBytes.Unsupported {
        int ownerClass = classEntry(owner);
        int nameAndType = add("N" + name + descriptor, 12, utf8Entry(name), utf8Entry(descriptor));
        return add("M" + owner + '.' + name + descriptor, 10, ownerClass, nameAndType);
    }

    /** Appends (once) a String constant and returns its index. */
    int string(String value) throws ClassBytes.Unsupported {
        int text = utf8Entry(value);
        return add("S" + value, 8, text, -1);
    }

    /** The pool as it is now (entry count, then the old entries and the appended ones). */
    void write(ClassBytes.Out out) {
        out.u2(next).copy(in, 10, end - 10).copy(added.toByteArray());
    }

    /** Copies the old entries (without the count) with every Utf8 that is exactly {@code from} changed to {@code to}. */
    void copyRenaming(ClassBytes.Out out, String from, String to) {
        byte[] bytes = to.getBytes(StandardCharsets.UTF_8);
        for (int i = 1; i < offsets.length; i++) {
            int at = offsets[i];
            if (at == 0) {
                continue; // the unusable slot after a long or a double
            }
            if (is(i, from)) {
                out.u1(1).u2(bytes.length).copy(bytes);
            } else {
                out.copy(in, at, size(u1(in, at), in, at));
            }
        }
    }

    private int classEntry(String internalName) throws ClassBytes.Unsupported {
        return add("C" + internalName, 7, utf8Entry(internalName), -1);
    }

    private int utf8Entry(String ascii) throws ClassBytes.Unsupported {
        Integer known = addedIndexes.get("U" + ascii);
        if (known != null) {
            return known;
        }
        byte[] bytes = ascii.getBytes(StandardCharsets.UTF_8);
        reserve("U" + ascii);
        added.u1(1).u2(bytes.length).copy(bytes);
        return next++;
    }

    private int add(String key, int tag, int first, int second) throws ClassBytes.Unsupported {
        Integer known = addedIndexes.get(key);
        if (known != null) {
            return known;
        }
        reserve(key);
        added.u1(tag).u2(first);
        if (second >= 0) {
            added.u2(second);
        }
        return next++;
    }

    private void reserve(String key) throws ClassBytes.Unsupported {
        if (next >= 0xFFFF) {
            throw new ClassBytes.Unsupported("the constant pool is full");
        }
        addedIndexes.put(key, next);
    }

    private static int size(int tag, byte[] in, int at) {
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
}
