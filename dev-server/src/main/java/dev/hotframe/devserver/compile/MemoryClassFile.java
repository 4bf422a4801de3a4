package dev.hotframe.devserver.compile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.function.Consumer;
import javax.tools.SimpleJavaFileObject;

/** A class file held in memory: either compiled output being written, or a known class javac reads. */
final class MemoryClassFile extends SimpleJavaFileObject {

    private final String binaryName;
    private final byte[] bytes;
    private final Consumer<byte[]> sink;

    private MemoryClassFile(String binaryName, byte[] bytes, Consumer<byte[]> sink) {
        super(URI.create("mem:///" + binaryName.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
        this.binaryName = binaryName;
        this.bytes = bytes;
        this.sink = sink;
    }

    /** A class javac can read from the in-memory class path. */
    static MemoryClassFile input(String binaryName, byte[] bytes) {
        return new MemoryClassFile(binaryName, bytes, null);
    }

    /** A class javac writes; {@code sink} receives the bytes when javac closes the stream. */
    static MemoryClassFile output(String binaryName, Consumer<byte[]> sink) {
        return new MemoryClassFile(binaryName, null, sink);
    }

    String binaryName() {
        return binaryName;
    }

    @Override
    public InputStream openInputStream() {
        if (bytes == null) {
            throw new IllegalStateException(binaryName + " is an output file and cannot be read");
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public OutputStream openOutputStream() {
        if (sink == null) {
            throw new IllegalStateException(binaryName + " is an input file and cannot be written");
        }
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                sink.accept(toByteArray());
            }
        };
    }
}
