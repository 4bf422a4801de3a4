package dev.hotframe.viewer.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.reload.AppHost;
import dev.hotframe.viewer.reload.RedefineAgent;
import dev.hotframe.viewer.testkit.TestApp;
import dev.hotframe.wire.AssetFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The app's own class loader (a real generation of javac-compiled code) reading the assets the store holds. */
@Timeout(60)
class AssetResourcesTest {

    private static final String GLOW = "half4 main(float2 p) { return half4(1, 0.5, 0, 1); }\n";

    private final AssetStore store = new AssetStore();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final AppHost host = new AppHost(RedefineAgent.instrumentation());

    @AfterEach
    void close() {
        host.close();
        store.close();
    }

    /** An app whose {@code get()} reads resources with {@code getClass()}, as code written for a jar does. */
    private Supplier<String> start(String expression) {
        host.serveResources(new AssetResources(store.held(), warnings::add));
        List<dev.hotframe.wire.ClassFile> classes = TestApp.named("demo.Reader").members("""
                String read(String name) {
                    try (java.io.InputStream in = getClass().getResourceAsStream(name)) {
                        return in == null ? "null" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }""").get(expression).compile();
        assertThat(host.start("demo.Reader", classes).ok()).isTrue();
        @SuppressWarnings("unchecked")
        Supplier<String> app = (Supplier<String>) host.app();
        return app;
    }

    @Test
    void appCodeFindsAnAssetAsAResourceByItsPathInsideTheAssetsFolder() {
        store.apply(List.of(new AssetFile("assets/shaders/glow.sksl", GLOW.getBytes(StandardCharsets.UTF_8))), List.of());

        Supplier<String> app = start("read(\"/shaders/glow.sksl\") + \"|\" + (getClass().getResource(\"/shaders/glow.sksl\") != null)"
                + " + \"|\" + (getClass().getClassLoader().getResource(\"shaders/glow.sksl\") != null)");

        assertThat(app.get()).isEqualTo(GLOW + "|true|true");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aResourceChangedOnDiskIsReadAnewWithoutAReload() {
        store.apply(List.of(new AssetFile("assets/glow.sksl", GLOW.getBytes(StandardCharsets.UTF_8))), List.of());
        Supplier<String> app = start("read(\"/glow.sksl\")");
        assertThat(app.get()).isEqualTo(GLOW);

        String brighter = "half4 main(float2 p) { return half4(1, 1, 0, 1); }\n";
        store.apply(List.of(new AssetFile("assets/glow.sksl", brighter.getBytes(StandardCharsets.UTF_8))), List.of());
        assertThat(app.get()).isEqualTo(brighter);

        store.apply(List.of(), List.of("assets/glow.sksl"));
        assertThat(app.get()).isEqualTo("null");
    }

    @Test
    void aResourceTheViewerDoesNotHaveIsNullWithOneWarningPerName() {
        Supplier<String> app = start("read(\"/config.json\") + read(\"/config.json\") + read(\"/other.txt\")");

        assertThat(app.get()).isEqualTo("nullnullnull");
        assertThat(app.get()).isEqualTo("nullnullnull");
        assertThat(warnings).isEqualTo(List.of(
                "the app asked for resource 'config.json', which this viewer does not have, and got null; resources are"
                        + " served from the project's assets folder by their path inside it (assets/config.json), and only"
                        + " images, fonts and .sksl shaders are sent (src/main/resources is not)",
                "the app asked for resource 'other.txt', which this viewer does not have, and got null; resources are"
                        + " served from the project's assets folder by their path inside it (assets/other.txt), and only"
                        + " images, fonts and .sksl shaders are sent (src/main/resources is not)"));
    }

    @Test
    void bytesAreACopyOfWhatTheServerSentAndTheVersionOfAPathChangesWithIt() {
        byte[] sent = GLOW.getBytes(StandardCharsets.UTF_8);
        assertThat(store.version("assets/glow.sksl")).as("never held").isZero();
        store.apply(List.of(new AssetFile("assets/glow.sksl", sent)), List.of());
        long first = store.version("assets/glow.sksl");

        byte[] got = store.bytes("assets/glow.sksl");
        assertThat(got).isEqualTo(sent);
        got[0] = 'X';
        assertThat(store.bytes("assets/glow.sksl")).as("a copy").isEqualTo(sent);
        assertThat(store.bytes("assets/none.png")).isNull();

        store.apply(List.of(dev.hotframe.viewer.testkit.AssetFiles.png("assets/logo.png", 0xFF00FF00, 2, 2)), List.of());
        assertThat(store.version("assets/glow.sksl")).as("another asset changed").isEqualTo(first);
        store.apply(List.of(), List.of("assets/glow.sksl"));
        assertThat(store.version("assets/glow.sksl")).as("removed").isGreaterThan(first);
        assertThat(store.bytes("assets/glow.sksl")).isNull();
    }
}
