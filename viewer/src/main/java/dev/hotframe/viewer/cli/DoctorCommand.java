package dev.hotframe.viewer.cli;

import dev.hotframe.viewer.backend.BackendKind;
import dev.hotframe.viewer.render.Fonts;
import dev.hotframe.viewer.window.TargetChooser;
import dev.hotframe.viewer.window.WindowTarget;
import io.github.humbleui.skija.Surface;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code viewer doctor}: what this machine can render with, found by actually trying each
 * backend, and what to do about each problem. Exit 0 when at least raster works (the viewer
 * can always run headless then), 1 when not even that does.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, versionProvider = ViewerCommand.class,
        description = "Check the JDK, display, native libraries, fonts and each rendering backend, with advice.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:at least raster rendering works", "1:not even raster rendering works"})
final class DoctorCommand implements Callable<Integer> {

    private final List<String> advice = new ArrayList<>();
    private PrintStream out = System.out;

    @Override
    public Integer call() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        line("JDK", System.getProperty("java.vm.name") + " " + Runtime.version() + " (" + System.getProperty("java.home") + ")");
        line("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        String display = display();
        line("display", display);
        if (linux) {
            nativeLibraries();
        }
        boolean raster = backend("raster", BackendKind.RASTER, true);
        backend("Vulkan, offscreen", BackendKind.VULKAN, true);
        backend("OpenGL, offscreen (EGL)", BackendKind.GL, true);
        if (!display.startsWith("none")) {
            backend("Vulkan, window", BackendKind.VULKAN, false);
            backend("OpenGL, window", BackendKind.GL, false);
        }
        fonts();
        out.println();
        if (advice.isEmpty()) {
            out.println("No problems found.");
        } else {
            out.println("Advice:");
            advice.forEach(a -> out.println("  - " + a));
        }
        return raster ? 0 : 1;
    }

    private void line(String what, String detail) {
        out.printf("%-26s %s%n", what + ":", detail);
    }

    private String display() {
        String x11 = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        if (wayland != null && !wayland.isBlank()) {
            return "Wayland (" + wayland + ")" + (x11 != null && !x11.isBlank() ? ", X11 through Xwayland (" + x11 + ")" : "");
        }
        if (x11 != null && !x11.isBlank()) {
            return "X11 (" + x11 + ")";
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("windows")) {
            return "the desktop's (" + System.getProperty("os.name") + ")";
        }
        advice.add("No display: the viewer runs headless (raster, frames to PNG). For a window, run it on a desktop, "
                + "set DISPLAY, or use a virtual display: xvfb-run -a bin/viewer connect");
        return "none ($DISPLAY and $WAYLAND_DISPLAY are not set)";
    }

    private void nativeLibraries() {
        library("libGL.so.1", "libgl1", "Skija links it, even for raster");
        library("libEGL.so.1", "libegl1", "Skija links it; OpenGL without a display uses it");
        library("libfontconfig.so.1", "libfontconfig1", "Skija links it to find fonts");
        library("libvulkan.so.1", "libvulkan1", "the Vulkan loader");
    }

    private void library(String name, String aptPackage, String why) {
        try {
            org.lwjgl.system.Library.loadNative(DoctorCommand.class, "org.lwjgl", name).free();
            line("library " + name, "found");
        } catch (Throwable e) {
            line("library " + name, "MISSING (" + why + ")");
            advice.add(name + " is missing: apt-get install " + aptPackage + " (bin/setup installs it)");
        }
    }

    private boolean backend(String label, BackendKind kind, boolean offscreen) {
        TargetChooser chooser = new TargetChooser("Hotframe doctor", 64, 64, s -> { });
        try (WindowTarget target = chooser.openExactly(kind, offscreen)) {
            Surface surface = target.surface();
            surface.getCanvas().clear(0xFF3366CC);
            target.present();
            try (var image = target.snapshot(); var pixels = io.github.humbleui.skija.Bitmap.makeFromImage(image)) {
                int color = pixels.getColor(32, 32);
                if (color != 0xFF3366CC) {
                    throw new IllegalStateException(String.format("drew #FF3366CC but read back #%08X", color));
                }
            }
            boolean software = target.backend().software();
            line(label, "works on " + target.backend().device() + (software && kind != BackendKind.RASTER
                    ? " (emulated on the CPU: auto prefers raster here)" : ""));
            return true;
        } catch (RuntimeException | LinkageError e) {
            line(label, "FAILS: " + e.getMessage());
            advice.add(label + ": " + adviceFor(kind));
            return false;
        }
    }

    private static String adviceFor(BackendKind kind) {
        return switch (kind) {
            case VULKAN -> "install a Vulkan driver for your GPU, or Mesa's software one: apt-get install libvulkan1 "
                    + "mesa-vulkan-drivers. The viewer falls back to OpenGL or raster.";
            case GL -> "install Mesa's OpenGL: apt-get install libgl1-mesa-dri libegl-mesa0 libglx-mesa0. "
                    + "The viewer falls back to raster.";
            default -> "Skija's native library needs glibc 2.35+ and libgl1 libegl1 libfontconfig1 (Debian 12, Ubuntu 22.04 "
                    + "or newer); bin/setup installs them.";
        };
    }

    private void fonts() {
        try {
            Fonts fonts = new Fonts();
            line("fonts", fonts.usesBundledFont() ? "no system font found; using the bundled DejaVu Sans"
                    : fonts.family() + " (monospaced: " + fonts.monoFamily() + ")");
            if (fonts.usesBundledFont()) {
                advice.add("No system fonts: text uses the bundled DejaVu Sans. For your apps' fonts: apt-get install "
                        + "fonts-dejavu-core fontconfig");
            }
        } catch (RuntimeException | LinkageError e) {
            line("fonts", "FAILS: " + e.getMessage());
        }
    }
}
