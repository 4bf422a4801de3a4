package dev.hotframe.bench.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One hostile change to one file and the good edit that takes it back: {@code hostile} null deletes
 * the file, and reverting writes the original bytes again, in place (as an editor saves).
 */
record FileChange(Path file, byte[] original, byte[] hostile) {

    /** Replaces the file's content with {@code hostile} text. */
    static FileChange replace(Path file, String hostile) throws IOException {
        return new FileChange(file, Files.readAllBytes(file), hostile.getBytes(StandardCharsets.UTF_8));
    }

    static FileChange delete(Path file) throws IOException {
        return new FileChange(file, Files.readAllBytes(file), null);
    }

    void apply() throws IOException {
        if (hostile == null) {
            Files.delete(file);
        } else {
            Files.write(file, hostile);
        }
    }

    void revert() throws IOException {
        Files.write(file, original);
    }
}
