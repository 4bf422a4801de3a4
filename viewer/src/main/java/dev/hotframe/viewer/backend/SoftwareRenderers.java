package dev.hotframe.viewer.backend;

import java.util.List;
import java.util.Locale;

/** Recognises GPUs that are emulated on the CPU by the renderer name their driver reports. */
public final class SoftwareRenderers {

    private static final List<String> NAMES = List.of("llvmpipe", "lavapipe", "softpipe", "swiftshader", "swrast",
            "software rasterizer", "microsoft basic render");

    private SoftwareRenderers() {
    }

    /** True for llvmpipe (Mesa's GL and Vulkan), softpipe, SwiftShader and the like. */
    public static boolean isSoftware(String rendererName) {
        String name = rendererName.toLowerCase(Locale.ROOT);
        return NAMES.stream().anyMatch(name::contains);
    }
}
