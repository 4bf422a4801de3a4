package dev.hotframe.viewer.backend;

import static dev.hotframe.viewer.backend.VulkanDevice.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.system.MemoryUtil.NULL;
import static org.lwjgl.vulkan.KHRSurface.*;
import static org.lwjgl.vulkan.KHRSwapchain.*;
import static org.lwjgl.vulkan.VK10.*;

import io.github.humbleui.skija.BackendRenderTarget;
import io.github.humbleui.skija.ColorSpace;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.DirectContext;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.skija.SurfaceOrigin;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkSurfaceCapabilitiesKHR;
import org.lwjgl.vulkan.VkSurfaceFormatKHR;
import org.lwjgl.vulkan.VkSwapchainCreateInfoKHR;

/**
 * A window's swapchain with every image wrapped as a Skija surface. Skia is told the images
 * are always in {@code COLOR_ATTACHMENT_OPTIMAL}; {@link VulkanFrames} makes that true around
 * Skia's drawing ({@code UNDEFINED -> COLOR_ATTACHMENT} after acquire,
 * {@code COLOR_ATTACHMENT -> PRESENT_SRC} before present). FIFO present mode: vsync.
 */
final class VulkanSwapchain implements AutoCloseable {

    final long handle;
    final long[] images;
    final Surface[] surfaces;
    private final BackendRenderTarget[] targets;
    final int width;
    final int height;
    private final VulkanDevice vk;

    VulkanSwapchain(VulkanDevice vk, DirectContext context, long windowSurface, int pixelWidth, int pixelHeight, long old) {
        this.vk = vk;
        try (MemoryStack stack = stackPush()) {
            IntBuffer supported = stack.mallocInt(1);
            vkGetPhysicalDeviceSurfaceSupportKHR(vk.physical, vk.queueFamily, windowSurface, supported);
            if (supported.get(0) == 0) {
                throw new IllegalStateException("the Vulkan device " + vk.name() + " cannot present to this window");
            }
            VkSurfaceCapabilitiesKHR caps = VkSurfaceCapabilitiesKHR.malloc(stack);
            check(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(vk.physical, windowSurface, caps), "vkGetPhysicalDeviceSurfaceCapabilitiesKHR");
            int format = VK_FORMAT_B8G8R8A8_UNORM;
            int colorSpace = VK_COLOR_SPACE_SRGB_NONLINEAR_KHR;
            IntBuffer count = stack.mallocInt(1);
            vkGetPhysicalDeviceSurfaceFormatsKHR(vk.physical, windowSurface, count, null);
            VkSurfaceFormatKHR.Buffer formats = VkSurfaceFormatKHR.malloc(count.get(0), stack);
            vkGetPhysicalDeviceSurfaceFormatsKHR(vk.physical, windowSurface, count, formats);
            boolean found = false;
            for (VkSurfaceFormatKHR f : formats) {
                if (f.format() == VK_FORMAT_B8G8R8A8_UNORM || f.format() == VK_FORMAT_R8G8B8A8_UNORM) {
                    format = f.format();
                    colorSpace = f.colorSpace();
                    found = true;
                    break;
                }
            }
            if (!found) {
                throw new IllegalStateException("the window offers no 8-bit RGBA or BGRA swapchain format");
            }
            if (caps.currentExtent().width() != 0xFFFFFFFF) {
                width = caps.currentExtent().width();
                height = caps.currentExtent().height();
            } else {
                width = clamp(pixelWidth, caps.minImageExtent().width(), caps.maxImageExtent().width());
                height = clamp(pixelHeight, caps.minImageExtent().height(), caps.maxImageExtent().height());
            }
            int imageCount = caps.minImageCount() + 1;
            if (caps.maxImageCount() > 0) {
                imageCount = Math.min(imageCount, caps.maxImageCount());
            }
            int usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT
                    | (caps.supportedUsageFlags() & (VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_SAMPLED_BIT));
            int alpha = (caps.supportedCompositeAlpha() & VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR) != 0
                    ? VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR : Integer.lowestOneBit(caps.supportedCompositeAlpha());
            VkSwapchainCreateInfoKHR info = VkSwapchainCreateInfoKHR.calloc(stack).sType$Default()
                    .surface(windowSurface).minImageCount(imageCount).imageFormat(format).imageColorSpace(colorSpace)
                    .imageExtent(e -> e.set(width, height)).imageArrayLayers(1).imageUsage(usage)
                    .imageSharingMode(VK_SHARING_MODE_EXCLUSIVE).preTransform(caps.currentTransform())
                    .compositeAlpha(alpha).presentMode(VK_PRESENT_MODE_FIFO_KHR).clipped(true).oldSwapchain(old);
            LongBuffer h = stack.mallocLong(1);
            check(vkCreateSwapchainKHR(vk.device, info, null, h), "vkCreateSwapchainKHR");
            handle = h.get(0);
            vkGetSwapchainImagesKHR(vk.device, handle, count, null);
            LongBuffer list = stack.mallocLong(count.get(0));
            vkGetSwapchainImagesKHR(vk.device, handle, count, list);
            images = new long[count.get(0)];
            surfaces = new Surface[images.length];
            targets = new BackendRenderTarget[images.length];
            ColorType colorType = format == VK_FORMAT_R8G8B8A8_UNORM ? ColorType.RGBA_8888 : ColorType.BGRA_8888;
            for (int i = 0; i < images.length; i++) {
                images[i] = list.get(i);
                targets[i] = BackendRenderTarget.makeVulkan(width, height, images[i], VK_IMAGE_TILING_OPTIMAL,
                        VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, format, usage, 1, 1);
                surfaces[i] = Surface.wrapBackendRenderTarget(context, targets[i], SurfaceOrigin.TOP_LEFT, colorType,
                        ColorSpace.getSRGB());
                if (surfaces[i] == null) {
                    close();
                    throw new IllegalStateException("Skia could not wrap the Vulkan swapchain image (format " + format + ")");
                }
            }
        }
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** Index of the next image, or -1 when the swapchain is out of date and must be recreated. */
    int acquire(long semaphore) {
        try (MemoryStack stack = stackPush()) {
            IntBuffer index = stack.mallocInt(1);
            int result = vkAcquireNextImageKHR(vk.device, handle, Long.MAX_VALUE, semaphore, NULL, index);
            if (result == VK_ERROR_OUT_OF_DATE_KHR) {
                return -1;
            }
            if (result != VK_SUCCESS && result != VK_SUBOPTIMAL_KHR) {
                check(result, "vkAcquireNextImageKHR");
            }
            return index.get(0);
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < surfaces.length; i++) {
            if (surfaces[i] != null) {
                surfaces[i].close();
            }
            if (targets[i] != null) {
                targets[i].close();
            }
        }
        vkDestroySwapchainKHR(vk.device, handle, null);
    }
}
