package dev.hotframe.viewer.testkit;

import dev.hotframe.wire.ClassFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Writes compiled classes into a real jar file, for tests of libraries. */
public final class Jars {

    private Jars() {
    }

    /** Writes {@code classes} into the jar {@code file} and returns it. */
    public static Path write(Path file, List<ClassFile> classes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (ClassFile c : classes) {
                jar.putNextEntry(new JarEntry(c.name().replace('.', '/') + ".class"));
                jar.write(c.bytes());
                jar.closeEntry();
            }
        }
        return file;
    }
}
