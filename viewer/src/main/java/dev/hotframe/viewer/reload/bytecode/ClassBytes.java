package dev.hotframe.viewer.reload.bytecode;

import java.io.ByteArrayOutputStream;

/** Big-endian reads from class-file bytes, and a growable big-endian writer, for the fuel injector. */
final class ClassBytes {

    private ClassBytes() {
    }

    static int u1(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static int u2(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    static int s2(byte[] b, int at) {
        return (short) u2(b, at);
    }

    static int s4(byte[] b, int at) {
        return u2(b, at) << 16 | u2(b, at + 2);
    }

    /** Thrown when a class file has something the injector does not rewrite; the class is then left as it was. */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    /** A byte sink with big-endian writes. */
    static final class Out {
        private final ByteArrayOutputStream bytes;

        Out(int size) {
            bytes = new ByteArrayOutputStream(size);
        }

        Out u1(int v) {
            bytes.write(v);
            return this;
        }

        Out u2(int v) {
            bytes.write(v >>> 8);
            bytes.write(v);
            return this;
        }

        Out s4(int v) {
            u2(v >>> 16);
            return u2(v);
        }

        Out copy(byte[] from, int at, int length) {
            bytes.write(from, at, length);
            return this;
        }

        Out copy(byte[] all) {
            bytes.write(all, 0, all.length);
            return this;
        }

        int size() {
            return bytes.size();
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
