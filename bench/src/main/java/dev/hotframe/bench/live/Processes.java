package dev.hotframe.bench.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Running the commands of the baselines (mvn, javac, jcmd) to their end. */
public final class Processes {

    private Processes() {
    }

    /** Runs a command to its end in {@code dir}; a non-zero exit throws with the command's output. */
    public static String run(Path dir, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("'" + String.join(" ", command) + "' did not finish within " + timeoutSeconds + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("'" + String.join(" ", command) + "' in " + dir + " exited with " + process.exitValue()
                    + ":\n" + text);
        }
        return text;
    }
}
