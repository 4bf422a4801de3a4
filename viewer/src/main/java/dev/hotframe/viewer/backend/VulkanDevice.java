package dev.hotframe.viewer.backend;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.KHRSwapchain.VK_KHR_SWAPCHAIN_EXTENSION_NAME;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK11.VK_API_VERSION_1_1;

import java.nio.IntBuffer;
import java.util.List;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VK;
import org.lwjgl.vulkan.VkApplicationInfo;
import org.lwjgl.vulkan.VkCommandPoolCreateInfo;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkDeviceCreateInfo;
import org.lwjgl.vulkan.VkDeviceQueueCreateInfo;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkInstanceCreateInfo;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties;
import org.lwjgl.vulkan.VkQueue;
import org.lwjgl.vulkan.VkQueueFamilyProperties;

/**
 * A Vulkan instance, the best physical device (discrete, then integrated, then virtual, then
 * CPU), a logical device with one graphics queue, and a command pool for our own layout
 * transitions. Creating one is cheap enough to probe whether Vulkan works and what the GPU is.
 */
public final class VulkanDevice implements AutoCloseable {

    /** What Skia is told it may use; lavapipe and every current driver have it. */
    static final int API_VERSION = VK_API_VERSION_1_1;

    final VkInstance instance;
    final VkPhysicalDevice physical;
    final VkDevice device;
    final VkQueue queue;
    final int queueFamily;
    final long commandPool;
    private final String name;
    private final int type;

    /** @param instanceExtensions what a window surface needs (from GLFW), or an empty list for offscreen use */
    public VulkanDevice(List<String> instanceExtensions, boolean swapchain) {
        BackendKind.VULKAN.failIfForced();
        try {
            VK.getFunctionProvider();
        } catch (Throwable e) {
            throw new IllegalStateException("the Vulkan loader (libvulkan.so.1) is missing: " + e.getMessage());
        }
        try (MemoryStack stack = stackPush()) {
            instance = createInstance(stack, instanceExtensions);
            try {
                physical = pickDevice(stack);
                VkPhysicalDeviceProperties props = VkPhysicalDeviceProperties.malloc(stack);
                vkGetPhysicalDeviceProperties(physical, props);
                name = props.deviceNameString();
                type = props.deviceType();
                queueFamily = graphicsFamily(stack);
                device = createDevice(stack, swapchain);
                PointerBuffer q = stack.mallocPointer(1);
                vkGetDeviceQueue(device, queueFamily, 0, q);
                queue = new VkQueue(q.get(0), device);
                VkCommandPoolCreateInfo pool = VkCommandPoolCreateInfo.calloc(stack).sType$Default()
                        .flags(VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT).queueFamilyIndex(queueFamily);
                long[] handle = new long[1];
                check(vkCreateCommandPool(device, pool, null, handle), "vkCreateCommandPool");
                commandPool = handle[0];
            } catch (RuntimeException e) {
                vkDestroyInstance(instance, null);
                throw e;
            }
        }
    }

    /** The physical device's name, {@code VkPhysicalDeviceProperties.deviceName}. */
    public String name() {
        return name;
    }

    /** True for a CPU device (lavapipe, SwiftShader) or a name that says so. */
    public boolean software() {
        return type == VK_PHYSICAL_DEVICE_TYPE_CPU || SoftwareRenderers.isSoftware(name);
    }

    private static VkInstance createInstance(MemoryStack stack, List<String> extensions) {
        VkApplicationInfo app = VkApplicationInfo.calloc(stack).sType$Default()
                .pApplicationName(stack.UTF8("Hotframe viewer")).pEngineName(stack.UTF8("Hotframe")).apiVersion(API_VERSION);
        PointerBuffer names = stack.mallocPointer(extensions.size());
        extensions.forEach(e -> names.put(stack.UTF8(e)));
        names.flip();
        VkInstanceCreateInfo info = VkInstanceCreateInfo.calloc(stack).sType$Default().pApplicationInfo(app)
                .ppEnabledExtensionNames(names);
        PointerBuffer handle = stack.mallocPointer(1);
        check(vkCreateInstance(info, null, handle), "vkCreateInstance");
        return new VkInstance(handle.get(0), info);
    }

    private VkPhysicalDevice pickDevice(MemoryStack stack) {
        IntBuffer count = stack.mallocInt(1);
        check(vkEnumeratePhysicalDevices(instance, count, null), "vkEnumeratePhysicalDevices");
        if (count.get(0) == 0) {
            throw new IllegalStateException("Vulkan found no device (no GPU driver or Mesa's lavapipe installed)");
        }
        PointerBuffer devices = stack.mallocPointer(count.get(0));
        check(vkEnumeratePhysicalDevices(instance, count, devices), "vkEnumeratePhysicalDevices");
        VkPhysicalDevice best = null;
        int bestRank = Integer.MAX_VALUE;
        VkPhysicalDeviceProperties props = VkPhysicalDeviceProperties.malloc(stack);
        for (int i = 0; i < devices.capacity(); i++) {
            VkPhysicalDevice candidate = new VkPhysicalDevice(devices.get(i), instance);
            vkGetPhysicalDeviceProperties(candidate, props);
            int rank = switch (props.deviceType()) {
                case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU -> 0;
                case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU -> 1;
                case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU -> 2;
                case VK_PHYSICAL_DEVICE_TYPE_CPU -> 4;
                default -> 3;
            };
            if (props.apiVersion() >= API_VERSION && rank < bestRank) {
                best = candidate;
                bestRank = rank;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no Vulkan device supports Vulkan 1.1");
        }
        return best;
    }

    private int graphicsFamily(MemoryStack stack) {
        IntBuffer count = stack.mallocInt(1);
        vkGetPhysicalDeviceQueueFamilyProperties(physical, count, null);
        VkQueueFamilyProperties.Buffer families = VkQueueFamilyProperties.malloc(count.get(0), stack);
        vkGetPhysicalDeviceQueueFamilyProperties(physical, count, families);
        for (int i = 0; i < families.capacity(); i++) {
            if ((families.get(i).queueFlags() & VK_QUEUE_GRAPHICS_BIT) != 0) {
                return i;
            }
        }
        throw new IllegalStateException("the Vulkan device " + name + " has no graphics queue");
    }

    private VkDevice createDevice(MemoryStack stack, boolean swapchain) {
        VkDeviceQueueCreateInfo.Buffer queues = VkDeviceQueueCreateInfo.calloc(1, stack).sType$Default()
                .queueFamilyIndex(queueFamily).pQueuePriorities(stack.floats(1f));
        PointerBuffer extensions = swapchain ? stack.pointers(stack.UTF8(VK_KHR_SWAPCHAIN_EXTENSION_NAME)) : null;
        VkDeviceCreateInfo info = VkDeviceCreateInfo.calloc(stack).sType$Default().pQueueCreateInfos(queues)
                .ppEnabledExtensionNames(extensions);
        PointerBuffer handle = stack.mallocPointer(1);
        check(vkCreateDevice(physical, info, null, handle), "vkCreateDevice");
        return new VkDevice(handle.get(0), physical, info, API_VERSION);
    }

    static void check(int result, String call) {
        if (result != VK_SUCCESS) {
            throw new IllegalStateException(call + " failed with VkResult " + result);
        }
    }

    @Override
    public void close() {
        vkDeviceWaitIdle(device);
        vkDestroyCommandPool(device, commandPool, null);
        vkDestroyDevice(device, null);
        vkDestroyInstance(instance, null);
    }
}
