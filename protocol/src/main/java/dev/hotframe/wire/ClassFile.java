package dev.hotframe.wire;

import java.util.Arrays;
import java.util.Objects;

/** The bytes of one compiled class, by binary name ({@code com.example.Game$Player}). */
public record ClassFile(String name, byte[] bytes) {

    public ClassFile {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(bytes, "'bytes' of " + name + " must not be null");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassFile other && name.equals(other.name) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ClassFile[" + name + ", " + bytes.length + " bytes]";
    }
}
