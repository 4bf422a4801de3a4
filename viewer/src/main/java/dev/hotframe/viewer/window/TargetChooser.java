package dev.hotframe.viewer.window;

import dev.hotframe.viewer.backend.Backend;
import dev.hotframe.viewer.backend.BackendKind;
import dev.hotframe.viewer.backend.GlBackend;
import dev.hotframe.viewer.backend.RasterBackend;
import dev.hotframe.viewer.backend.SoftwareRenderers;
import dev.hotframe.viewer.backend.VulkanBackend;
import dev.hotframe.viewer.backend.VulkanDevice;
import dev.hotframe.viewer.frame.RenderTarget;
import dev.hotframe.viewer.headless.RasterTarget;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opens the render target for {@code --backend}. {@code auto} in a window tries Vulkan, then
 * OpenGL, on a real GPU only: where the only GPU is emulated on the CPU (llvmpipe, lavapipe),
 * raster blitted to the window is 2-3 times faster (BENCHMARKS.md), so it takes raster. A named
 * backend that fails to start falls back to the next one (Vulkan, OpenGL, raster in a window,
 * headless raster), and every step is reported through {@code say}. Headless, {@code auto} is
 * raster, whose frames are byte-identical everywhere; Vulkan and OpenGL render offscreen.
 */
public final class TargetChooser {

    /** The target and why it was chosen, such as {@code "auto: the only GPU is llvmpipe, raster is faster"}. */
    public record Choice(RenderTarget target, String reason) {
    }

    private final String title;
    private final int width;
    private final int height;
    private final Consumer<String> say;

    public TargetChooser(String title, int width, int height, Consumer<String> say) {
        this.title = title;
        this.width = width;
        this.height = height;
        this.say = say;
    }

    /** @param display why there is no display, or null when a window can be opened */
    public Choice open(BackendKind requested, boolean headless, String noDisplay) {
        if (!headless && noDisplay != null) {
            say.accept("No window: " + noDisplay + ". Running headless instead.");
            headless = true;
        }
        return headless ? headless(requested) : windowed(requested);
    }

    /**
     * Opens exactly {@code kind}, with no fallback and no auto: in a window, or offscreen (Vulkan
     * without a swapchain, OpenGL through GLFW's null platform and EGL, raster). Throws with the
     * reason when it does not start. For doctor and for comparing backends in tests.
     */
    public WindowTarget openExactly(BackendKind kind, boolean offscreen) {
        return switch (kind) {
            case VULKAN -> offscreen ? new WindowTarget(null, new VulkanBackend(0, width, height), true, width, height)
                    : withWindow(GlfwWindow.Api.NONE, w -> new VulkanBackend(w.handle(), width, height), false);
            case GL -> withWindow(offscreen ? GlfwWindow.Api.GL_OFFSCREEN : GlfwWindow.Api.GL,
                    w -> new GlBackend(w.handle(), width, height), offscreen);
            case RASTER -> offscreen ? new WindowTarget(null, new RasterBackend(0, width, height), true, width, height)
                    : withWindow(GlfwWindow.Api.GL, w -> new RasterBackend(w.handle(), width, height), false);
            case AUTO -> throw new IllegalArgumentException("openExactly needs a backend, not auto");
        };
    }

    private Choice headless(BackendKind requested) {
        if (requested == BackendKind.VULKAN) {
            Choice vulkan = attempt(BackendKind.VULKAN, () -> openExactly(BackendKind.VULKAN, true), "requested, offscreen");
            if (vulkan != null) {
                return vulkan;
            }
        } else if (requested == BackendKind.GL) {
            Choice gl = attempt(BackendKind.GL, () -> openExactly(BackendKind.GL, true), "requested, offscreen through EGL");
            if (gl != null) {
                return gl;
            }
        }
        String reason = requested == BackendKind.AUTO || requested == BackendKind.RASTER
                ? (requested == BackendKind.AUTO ? "auto, headless: " : "requested: ") + "raster frames are byte-identical on every machine"
                : "fallback";
        return new Choice(new RasterTarget(width, height), reason);
    }

    private Choice windowed(BackendKind requested) {
        boolean auto = requested == BackendKind.AUTO;
        if (auto || requested == BackendKind.VULKAN) {
            Choice vulkan = attempt(BackendKind.VULKAN, () -> {
                if (auto) {
                    try (VulkanDevice probe = new VulkanDevice(List.of(), false)) {
                        if (probe.software()) {
                            throw new Skipped("the only Vulkan device is " + probe.name() + ", emulated on the CPU");
                        }
                    }
                }
                return withWindow(GlfwWindow.Api.NONE, w -> new VulkanBackend(w.handle(), width, height), false);
            }, auto ? "auto: Vulkan on a real GPU" : "requested");
            if (vulkan != null) {
                return vulkan;
            }
        }
        if (auto || requested == BackendKind.VULKAN || requested == BackendKind.GL) {
            Choice gl = attempt(BackendKind.GL, () -> withWindow(GlfwWindow.Api.GL, w -> {
                if (auto && SoftwareRenderers.isSoftware(GlBackend.rendererName())) {
                    return new RasterBackend(w.handle(), width, height);
                }
                return new GlBackend(w.handle(), width, height);
            }, false), requested == BackendKind.GL ? "requested" : "fallback");
            if (gl != null && auto) {
                Backend chosen = ((WindowTarget) gl.target()).backend();
                return new Choice(gl.target(), chosen.kind() == BackendKind.RASTER
                        ? "auto: the only GPU is emulated on the CPU, and raster blitted to the window is 2-3 times faster"
                        : "auto: OpenGL on a real GPU (" + chosen.device() + ")");
            }
            if (gl != null) {
                return gl;
            }
        }
        Choice raster = attempt(BackendKind.RASTER, () -> openExactly(BackendKind.RASTER, false), requested == BackendKind.RASTER ? "requested" : "fallback");
        if (raster != null) {
            return raster;
        }
        say.accept("No window could be opened. Running headless instead.");
        return new Choice(new RasterTarget(width, height), "fallback: headless");
    }

    private interface Opener {
        WindowTarget open();
    }

    private interface BackendFactory {
        Backend make(GlfwWindow window);
    }

    /** A backend that works but that auto passes over; its message is the reason, not an error. */
    private static final class Skipped extends RuntimeException {
        Skipped(String message) {
            super(message, null, false, false);
        }
    }

    private Choice attempt(BackendKind kind, Opener opener, String reason) {
        try {
            return new Choice(opener.open(), reason);
        } catch (Skipped e) {
            say.accept("auto: skipping " + kind.label() + ": " + e.getMessage() + "; raster is faster here");
        } catch (RuntimeException | LinkageError e) {
            say.accept(kind.label() + " did not start: " + e.getMessage() + ". Trying the next backend.");
        }
        return null;
    }

    private WindowTarget withWindow(GlfwWindow.Api api, BackendFactory factory, boolean offscreen) {
        GlfwWindow window = new GlfwWindow(title, width, height, api);
        try {
            return new WindowTarget(window, factory.make(window), offscreen, width, height);
        } catch (RuntimeException | LinkageError e) {
            window.close();
            throw e;
        }
    }
}
