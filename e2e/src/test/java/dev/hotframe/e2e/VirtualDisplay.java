package dev.hotframe.e2e;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * An Xvfb display for window tests. Screenshots read the screen that Xvfb keeps in an XWD file
 * ({@code -fbdir}), so they show what the X server really displays, not what the viewer read
 * back; input goes in through xdotool (XTEST), as from a real keyboard and mouse.
 */
final class VirtualDisplay implements AutoCloseable {

    private final Process xvfb;
    private final Path framebuffer;
    private final String display;

    VirtualDisplay(Path dir, int width, int height) throws IOException {
        for (String tool : new String[] {"/usr/bin/Xvfb", "/usr/bin/xdotool"}) {
            if (!Files.isExecutable(Path.of(tool))) {
                throw new IllegalStateException(tool + " is needed for the window tests; run bin/setup");
            }
        }
        Files.createDirectories(dir);
        framebuffer = dir.resolve("Xvfb_screen0");
        xvfb = new ProcessBuilder("/usr/bin/Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
                "-fbdir", dir.toString(), "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String number = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        if (number == null || !number.trim().matches("\\d+")) {
            xvfb.destroy();
            throw new IllegalStateException("Xvfb did not start (it printed '" + number + "' instead of a display number)");
        }
        display = ":" + number.trim();
    }

    /** The value for $DISPLAY. */
    String display() {
        return display;
    }

    /** Runs xdotool with {@code args} on this display and returns its output; fails on a non-zero exit. */
    String xdotool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/xdotool"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("xdotool " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** The whole screen now, as Xvfb holds it; also written to {@code png} to look at. */
    BufferedImage screenshot(Path png) throws IOException {
        ByteBuffer xwd = ByteBuffer.wrap(Files.readAllBytes(framebuffer)).order(ByteOrder.BIG_ENDIAN);
        int headerSize = xwd.getInt(0);
        int width = xwd.getInt(16);
        int height = xwd.getInt(20);
        boolean lsbFirst = xwd.getInt(28) == 0;
        int bitsPerPixel = xwd.getInt(44);
        int bytesPerLine = xwd.getInt(48);
        int colors = xwd.getInt(76);
        if (bitsPerPixel != 32) {
            throw new IllegalStateException("the screen has " + bitsPerPixel + " bits per pixel; the test starts Xvfb with 24-bit colour");
        }
        int pixels = headerSize + colors * 12;
        xwd.order(lsbFirst ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0xFF000000 | (xwd.getInt(pixels + y * bytesPerLine + x * 4) & 0xFFFFFF));
            }
        }
        ImageIO.write(image, "png", png.toFile());
        return image;
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly();
        }
    }
}
