package dev.hotframe.viewer.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotframe.viewer.backend.BackendKind;
import dev.hotframe.viewer.frame.RenderTarget;
import dev.hotframe.viewer.headless.RasterTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which target {@code --backend} gets, and the fallback when a backend is made to fail. */
@Timeout(60)
class TargetChooserTest {

    private final List<String> said = new ArrayList<>();
    private final TargetChooser chooser = new TargetChooser("test", 64, 48, said::add);

    @AfterEach
    void clearForcedFailures() {
        System.clearProperty(BackendKind.FAIL_PROPERTY);
    }

    @Test
    void autoHeadlessIsRasterForDeterministicFrames() {
        TargetChooser.Choice choice = chooser.open(BackendKind.AUTO, true, null);
        try (RenderTarget target = choice.target()) {
            assertThat(target).isInstanceOf(RasterTarget.class);
            assertThat(choice.reason()).isEqualTo("auto, headless: raster frames are byte-identical on every machine");
            assertThat(said).isEmpty();
        }
    }

    @Test
    void vulkanHeadlessRendersOffscreenOnTheVulkanDevice() {
        TargetChooser.Choice choice = chooser.open(BackendKind.VULKAN, true, null);
        try (RenderTarget target = choice.target()) {
            assertThat(target).isInstanceOf(WindowTarget.class);
            assertThat(((WindowTarget) target).backend().kind()).isEqualTo(BackendKind.VULKAN);
            assertThat(target.describe()).startsWith("Vulkan on ").endsWith(", offscreen 64x48");
            assertThat(choice.reason()).isEqualTo("requested, offscreen");
        }
    }

    @Test
    void aVulkanThatFailsToStartFallsBackToRasterAndSaysWhy() {
        System.setProperty(BackendKind.FAIL_PROPERTY, "vulkan");
        TargetChooser.Choice choice = chooser.open(BackendKind.VULKAN, true, null);
        try (RenderTarget target = choice.target()) {
            assertThat(target).isInstanceOf(RasterTarget.class);
            assertThat(choice.reason()).isEqualTo("fallback");
            assertThat(said).containsExactly("Vulkan did not start: Vulkan was made to fail by -Dhotframe.backend.fail=vulkan. "
                    + "Trying the next backend.");
        }
    }

    @Test
    void anOpenGlThatFailsToStartFallsBackToRaster() {
        System.setProperty(BackendKind.FAIL_PROPERTY, "gl,vulkan");
        TargetChooser.Choice choice = chooser.open(BackendKind.GL, true, null);
        try (RenderTarget target = choice.target()) {
            assertThat(target).isInstanceOf(RasterTarget.class);
            assertThat(said).containsExactly("OpenGL did not start: OpenGL was made to fail by -Dhotframe.backend.fail=gl,vulkan. "
                    + "Trying the next backend.");
        }
    }

    @Test
    void aWindowWithoutADisplayRunsHeadlessAndSaysSo() {
        TargetChooser.Choice choice = chooser.open(BackendKind.AUTO, false, "no display ($DISPLAY and $WAYLAND_DISPLAY are not set)");
        try (RenderTarget target = choice.target()) {
            assertThat(target).isInstanceOf(RasterTarget.class);
            assertThat(said).containsExactly("No window: no display ($DISPLAY and $WAYLAND_DISPLAY are not set). Running headless instead.");
        }
    }

    @Test
    void openExactlyNeverFallsBack() {
        System.setProperty(BackendKind.FAIL_PROPERTY, "vulkan");
        assertThatThrownBy(() -> chooser.openExactly(BackendKind.VULKAN, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Vulkan was made to fail by -Dhotframe.backend.fail=vulkan");
        assertThatThrownBy(() -> chooser.openExactly(BackendKind.AUTO, true))
                .hasMessage("openExactly needs a backend, not auto");
    }

    @Test
    void backendNamesParseAndBadOnesAreRefusedWithTheChoices() {
        assertThat(BackendKind.parse("Vulkan")).isEqualTo(BackendKind.VULKAN);
        assertThat(BackendKind.parse("gl")).isEqualTo(BackendKind.GL);
        assertThatThrownBy(() -> BackendKind.parse("metal"))
                .hasMessage("--backend must be one of auto, vulkan, gl, raster, was 'metal'");
    }
}
