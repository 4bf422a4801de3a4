package dev.hotframe.viewer.backend;

import static dev.hotframe.viewer.backend.VulkanDevice.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.KHRSwapchain.*;
import static org.lwjgl.vulkan.VK10.*;

import io.github.humbleui.skija.DirectContext;
import io.github.humbleui.skija.Surface;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkCommandBufferAllocateInfo;
import org.lwjgl.vulkan.VkCommandBufferBeginInfo;
import org.lwjgl.vulkan.VkFenceCreateInfo;
import org.lwjgl.vulkan.VkImageMemoryBarrier;
import org.lwjgl.vulkan.VkPresentInfoKHR;
import org.lwjgl.vulkan.VkSemaphoreCreateInfo;
import org.lwjgl.vulkan.VkSubmitInfo;

/**
 * One frame in flight: acquire a swapchain image, move it to {@code COLOR_ATTACHMENT_OPTIMAL},
 * let Skia copy the frame onto it, move it to {@code PRESENT_SRC_KHR}, present. The fence
 * makes the next frame wait until this one's commands are done, so the command buffers and
 * semaphores can be reused.
 */
final class VulkanFrames implements AutoCloseable {

    private final VulkanDevice vk;
    private final long acquired;
    private final long drawn;
    private final long fence;
    private final VkCommandBuffer before;
    private final VkCommandBuffer after;

    VulkanFrames(VulkanDevice vk) {
        this.vk = vk;
        try (MemoryStack stack = stackPush()) {
            long[] handle = new long[1];
            VkSemaphoreCreateInfo semaphore = VkSemaphoreCreateInfo.calloc(stack).sType$Default();
            check(vkCreateSemaphore(vk.device, semaphore, null, handle), "vkCreateSemaphore");
            acquired = handle[0];
            check(vkCreateSemaphore(vk.device, semaphore, null, handle), "vkCreateSemaphore");
            drawn = handle[0];
            check(vkCreateFence(vk.device, VkFenceCreateInfo.calloc(stack).sType$Default().flags(VK_FENCE_CREATE_SIGNALED_BIT),
                    null, handle), "vkCreateFence");
            fence = handle[0];
            PointerBuffer buffers = stack.mallocPointer(2);
            check(vkAllocateCommandBuffers(vk.device, VkCommandBufferAllocateInfo.calloc(stack).sType$Default()
                    .commandPool(vk.commandPool).level(VK_COMMAND_BUFFER_LEVEL_PRIMARY).commandBufferCount(2), buffers),
                    "vkAllocateCommandBuffers");
            before = new VkCommandBuffer(buffers.get(0), vk.device);
            after = new VkCommandBuffer(buffers.get(1), vk.device);
        }
    }

    /** Shows {@code frame}; false when the swapchain is out of date (resized) and must be recreated. */
    boolean present(VulkanSwapchain swapchain, DirectContext context, Surface frame) {
        try (MemoryStack stack = stackPush()) {
            check(vkWaitForFences(vk.device, stack.longs(fence), true, Long.MAX_VALUE), "vkWaitForFences");
            int index = swapchain.acquire(acquired);
            if (index < 0) {
                context.flushAndSubmit(frame, false);
                return false;
            }
            check(vkResetFences(vk.device, stack.longs(fence)), "vkResetFences");
            long image = swapchain.images[index];
            record(stack, before, image, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                    0, VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT,
                    VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT);
            check(vkQueueSubmit(vk.queue, VkSubmitInfo.calloc(stack).sType$Default().waitSemaphoreCount(1)
                    .pWaitSemaphores(stack.longs(acquired))
                    .pWaitDstStageMask(stack.ints(VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT))
                    .pCommandBuffers(stack.pointers(before)), VK_NULL_HANDLE), "vkQueueSubmit");

            Surface target = swapchain.surfaces[index];
            frame.draw(target.getCanvas(), 0, 0, null);
            context.flushAndSubmit(target, false);

            record(stack, after, image, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR,
                    VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT, 0,
                    VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT);
            check(vkQueueSubmit(vk.queue, VkSubmitInfo.calloc(stack).sType$Default()
                    .pCommandBuffers(stack.pointers(after)).pSignalSemaphores(stack.longs(drawn)), fence), "vkQueueSubmit");

            int result = vkQueuePresentKHR(vk.queue, VkPresentInfoKHR.calloc(stack).sType$Default()
                    .pWaitSemaphores(stack.longs(drawn)).swapchainCount(1).pSwapchains(stack.longs(swapchain.handle))
                    .pImageIndices(stack.ints(index)));
            if (result == VK_ERROR_OUT_OF_DATE_KHR || result == VK_SUBOPTIMAL_KHR) {
                return false;
            }
            check(result, "vkQueuePresentKHR");
            return true;
        }
    }

    private static void record(MemoryStack stack, VkCommandBuffer buffer, long image, int from, int to, int srcAccess,
                               int dstAccess, int srcStage, int dstStage) {
        check(vkBeginCommandBuffer(buffer, VkCommandBufferBeginInfo.calloc(stack).sType$Default()
                .flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT)), "vkBeginCommandBuffer");
        VkImageMemoryBarrier.Buffer barrier = VkImageMemoryBarrier.calloc(1, stack).sType$Default()
                .oldLayout(from).newLayout(to).srcAccessMask(srcAccess).dstAccessMask(dstAccess)
                .srcQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED).dstQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED).image(image)
                .subresourceRange(r -> r.aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).levelCount(1).layerCount(1));
        vkCmdPipelineBarrier(buffer, srcStage, dstStage, 0, null, null, barrier);
        check(vkEndCommandBuffer(buffer), "vkEndCommandBuffer");
    }

    @Override
    public void close() {
        vkDeviceWaitIdle(vk.device);
        vkDestroyFence(vk.device, fence, null);
        vkDestroySemaphore(vk.device, acquired, null);
        vkDestroySemaphore(vk.device, drawn, null);
    }
}
