package dev.hotframe.viewer.backend;

import static dev.hotframe.viewer.backend.VulkanDevice.check;
import static org.lwjgl.system.MemoryUtil.NULL;
import static org.lwjgl.vulkan.KHRSurface.vkDestroySurfaceKHR;
import static org.lwjgl.vulkan.VK10.vkDeviceWaitIdle;

import io.github.humbleui.skija.DirectContext;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;
import java.util.ArrayList;
import java.util.List;
import org.lwjgl.PointerBuffer;
import org.lwjgl.glfw.GLFWVulkan;
import org.lwjgl.vulkan.VK;

/**
 * Skia on Vulkan. Frames are drawn on a Skia-owned GPU surface; {@link #present()} copies it
 * onto the acquired swapchain image with our own layout transitions and presents (FIFO, so
 * vsync). Without a window it renders offscreen, which is how tests compare it with raster.
 */
public final class VulkanBackend implements Backend {

    private final VulkanDevice vk;
    private final DirectContext context;
    private final long windowSurface;
    private VulkanFrames frames;
    private VulkanSwapchain swapchain;
    private Surface surface;
    private boolean stale;

    /** @param window a GLFW window created with {@code GLFW_NO_API}, or 0 to render offscreen */
    public VulkanBackend(long window, int pixelWidth, int pixelHeight) {
        this.vk = new VulkanDevice(window == NULL ? List.of() : requiredExtensions(), window != NULL);
        long surfaceHandle = NULL;
        DirectContext made = null;
        try {
            long getInstance = VK.getFunctionProvider().getFunctionAddress("vkGetInstanceProcAddr");
            long getDevice = VK.getFunctionProvider().getFunctionAddress("vkGetDeviceProcAddr");
            made = DirectContext.makeVulkan(vk.instance.address(), vk.physical.address(), vk.device.address(),
                    vk.queue.address(), vk.queueFamily, getInstance, getDevice, VulkanDevice.API_VERSION);
            if (window != NULL) {
                long[] handle = new long[1];
                check(GLFWVulkan.glfwCreateWindowSurface(vk.instance, window, null, handle), "glfwCreateWindowSurface");
                surfaceHandle = handle[0];
                frames = new VulkanFrames(vk);
            }
        } catch (RuntimeException e) {
            if (made != null) {
                made.close();
            }
            vk.close();
            throw e;
        }
        this.context = made;
        this.windowSurface = surfaceHandle;
        resize(pixelWidth, pixelHeight);
    }

    private static List<String> requiredExtensions() {
        PointerBuffer names = GLFWVulkan.glfwGetRequiredInstanceExtensions();
        if (names == null) {
            throw new IllegalStateException("GLFW found no Vulkan window-system support (no Vulkan loader or ICD)");
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < names.capacity(); i++) {
            list.add(names.getStringUTF8(i));
        }
        return list;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.VULKAN;
    }

    @Override
    public String device() {
        return vk.name();
    }

    @Override
    public boolean software() {
        return vk.software();
    }

    @Override
    public Surface surface() {
        return surface;
    }

    @Override
    public void resize(int pixelWidth, int pixelHeight) {
        if (surface != null && surface.getWidth() == pixelWidth && surface.getHeight() == pixelHeight && !stale) {
            return;
        }
        if (surface != null) {
            surface.close();
        }
        surface = Surface.makeRenderTarget(context, false, ImageInfo.makeN32Premul(pixelWidth, pixelHeight));
        if (surface == null) {
            throw new IllegalStateException("Skia could not make a " + pixelWidth + "x" + pixelHeight + " Vulkan surface");
        }
        if (windowSurface != NULL) {
            recreateSwapchain(pixelWidth, pixelHeight);
        }
    }

    private void recreateSwapchain(int pixelWidth, int pixelHeight) {
        vkDeviceWaitIdle(vk.device);
        VulkanSwapchain old = swapchain;
        swapchain = new VulkanSwapchain(vk, context, windowSurface, pixelWidth, pixelHeight, old == null ? NULL : old.handle);
        if (old != null) {
            old.close();
        }
        stale = false;
    }

    @Override
    public void present() {
        if (swapchain == null) {
            context.flushAndSubmit(surface, false);
            return;
        }
        if (stale) {
            recreateSwapchain(surface.getWidth(), surface.getHeight());
        }
        stale = !frames.present(swapchain, context, surface);
    }

    @Override
    public void close() {
        vkDeviceWaitIdle(vk.device);
        surface.close();
        if (swapchain != null) {
            swapchain.close();
        }
        context.abandon();
        context.close();
        if (frames != null) {
            frames.close();
        }
        if (windowSurface != NULL) {
            vkDestroySurfaceKHR(vk.instance, windowSurface, null);
        }
        vk.close();
    }
}
