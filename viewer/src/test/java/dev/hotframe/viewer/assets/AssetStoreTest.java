package dev.hotframe.viewer.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.wire.AssetFile;
import dev.hotframe.wire.Diagnostic;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.EncodedImageFormat;
import io.github.humbleui.skija.FontStyle;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.RuntimeEffect;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.skija.paragraph.Paragraph;
import io.github.humbleui.skija.paragraph.ParagraphBuilder;
import io.github.humbleui.skija.paragraph.ParagraphStyle;
import io.github.humbleui.skija.paragraph.TextStyle;
import io.github.humbleui.types.Rect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real PNGs, real fonts and real SkSL through Skia, drawn on raster surfaces. */
@Timeout(30)
class AssetStoreTest {

    static final String RED = "half4 main(float2 p) { return half4(1, 0, 0, 1); }";
    static final String BLUE = "half4 main(float2 p) {\n    return half4(0, 0, 1, 1);\n}\n";
    static final String BROKEN = "half4 main(float2 p) {\n    half4 c = half4(0, 1, 0, 1);\n    return colr;\n}\n";

    private final AssetStore store = new AssetStore();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aPngDecodesAndAReplacementBumpsTheVersion() {
        AssetStore.Outcome first = store.apply(List.of(png("assets/logo.png", 0xFF00FF00, 4, 3)), List.of());

        assertThat(first.ok()).isTrue();
        assertThat(first.summary()).isEqualTo("1 asset: assets/logo.png (image)");
        Image logo = store.image("assets/logo.png");
        assertThat(List.of(logo.getWidth(), logo.getHeight())).containsExactly(4, 3);
        assertThat(pixel(logo)).isEqualTo(0xFF00FF00);
        long version = store.version();

        store.apply(List.of(png("assets/logo.png", 0xFFFF0000, 8, 8)), List.of());

        assertThat(store.version()).isEqualTo(version + 1);
        assertThat(pixel(store.image("assets/logo.png"))).isEqualTo(0xFFFF0000);
    }

    @Test
    void bytesThatAreNotAnImageKeepTheLastGoodOneAndSaySo() {
        store.apply(List.of(png("assets/logo.png", 0xFF00FF00, 4, 3)), List.of());

        AssetStore.Outcome bad = store.apply(List.of(new AssetFile("assets/logo.png", "not a png".getBytes())), List.of());

        assertThat(bad.problems()).isEqualTo(Map.of("assets/logo.png", List.of(new Diagnostic("assets/logo.png", 0, 0,
                "not an image Skia can decode (9 bytes); keeping the last good version"))));
        assertThat(pixel(store.image("assets/logo.png"))).isEqualTo(0xFF00FF00);
    }

    @Test
    void aPngCutShortIsRefusedWhenItArrivesNotDrawnAsNothing() {
        store.apply(List.of(png("assets/logo.png", 0xFF00FF00, 4, 3)), List.of());
        byte[] whole = noise(64, 64);
        byte[] cut = java.util.Arrays.copyOf(whole, 100);

        AssetStore.Outcome bad = store.apply(List.of(new AssetFile("assets/logo.png", cut)), List.of());

        assertThat(bad.problems().get("assets/logo.png")).singleElement().satisfies(d -> assertThat(d.message())
                .isEqualTo("the image does not decode: Incomplete input: A partial image was generated. (100 bytes; was it cut"
                        + " short?); keeping the last good version"));
        assertThat(pixel(store.image("assets/logo.png"))).isEqualTo(0xFF00FF00);
    }

    @Test
    void aJpegCutShortIsRefusedToo() {
        byte[] jpeg;
        try (Image image = Image.makeDeferredFromEncodedBytes(noise(64, 64))) {
            jpeg = image.encodeToData(EncodedImageFormat.JPEG, 90).getBytes();
        }
        byte[] cut = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);

        AssetStore.Outcome bad = store.apply(List.of(new AssetFile("assets/photo.jpg", cut)), List.of());

        assertThat(bad.problems().get("assets/photo.jpg")).singleElement().satisfies(d -> assertThat(d.message())
                .startsWith("the image does not decode: ").endsWith("; keeping the last good version"));
        assertThat(store.image("assets/photo.jpg")).isNull();
    }

    @Test
    void anImageTooBigToDrawInAFrameIsRefusedByItsHeaderAndTheNextGoodOneApplies() {
        store.apply(List.of(png("assets/logo.png", 0xFF00FF00, 4, 3)), List.of());
        byte[] huge = withSize(png("assets/logo.png", 0xFFFF0000, 4, 3).bytes(), 20_000, 20_000);

        AssetStore.Outcome bad = store.apply(List.of(new AssetFile("assets/logo.png", huge)), List.of());

        assertThat(bad.problems().get("assets/logo.png")).singleElement().satisfies(d -> assertThat(d.message())
                .isEqualTo("an image of 20000x20000 pixels is too big to draw in a frame; images may have at most 16384 pixels"
                        + " on a side and 40 million in all; keeping the last good version"));
        assertThat(pixel(store.image("assets/logo.png"))).isEqualTo(0xFF00FF00);

        assertThat(store.apply(List.of(png("assets/logo.png", 0xFF0000FF, 4, 3)), List.of()).ok()).isTrue();
        assertThat(pixel(store.image("assets/logo.png"))).isEqualTo(0xFF0000FF);
    }

    @Test
    void aShaderCompilesAndDraws() {
        assertThat(store.apply(List.of(shader("assets/bg.sksl", RED)), List.of()).ok()).isTrue();

        assertThat(fill(store.shader("assets/bg.sksl"))).isEqualTo(0xFFFF0000);
    }

    @Test
    void aBrokenShaderKeepsTheLastGoodOneAndNamesFileAndLine() {
        store.apply(List.of(shader("assets/bg.sksl", BLUE)), List.of());
        RuntimeEffect good = store.shader("assets/bg.sksl");
        long version = store.version();

        AssetStore.Outcome broken = store.apply(List.of(shader("assets/bg.sksl", BROKEN)), List.of());

        assertThat(broken.problems().get("assets/bg.sksl")).containsExactly(new Diagnostic("assets/bg.sksl", 3, 0, "error",
                "unknown identifier 'colr'", "    return colr;"));
        assertThat(broken.problems().get("assets/bg.sksl").get(0)).hasToString("assets/bg.sksl:3:0: unknown identifier 'colr'");
        assertThat(store.shader("assets/bg.sksl")).isSameAs(good);
        assertThat(store.version()).isEqualTo(version);
        assertThat(fill(store.shader("assets/bg.sksl"))).isEqualTo(0xFF0000FF);

        assertThat(store.apply(List.of(shader("assets/bg.sksl", RED)), List.of()).ok()).isTrue();
        assertThat(fill(store.shader("assets/bg.sksl"))).isEqualTo(0xFFFF0000);
    }

    @Test
    void aProjectFontIsFoundByItsFamilyAndItsFileNameAndLaysOutText() throws Exception {
        byte[] mono = AssetStoreTest.class.getResourceAsStream("DejaVuSansMono.ttf").readAllBytes();
        assertThat(paragraphWidth("Brand", "iiii")).as("fallback: proportional").isLessThan(paragraphWidth("Brand", "MMMM"));
        long version = store.version();

        AssetStore.Outcome added = store.apply(List.of(new AssetFile("assets/fonts/Brand.ttf", mono)), List.of());

        assertThat(added.ok()).isTrue();
        assertThat(store.version()).isEqualTo(version + 1);
        assertThat(store.fonts().findTypefaces(new String[] {"Brand"}, FontStyle.NORMAL))
                .extracting(t -> t.getFamilyName()).containsExactly("DejaVu Sans Mono");
        assertThat(paragraphWidth("Brand", "iiii")).as("the project's monospace font").isEqualTo(paragraphWidth("Brand", "MMMM"));
        assertThat(paragraphWidth("DejaVu Sans Mono", "iiii")).isEqualTo(paragraphWidth("DejaVu Sans Mono", "MMMM"));

        store.apply(List.of(), List.of("assets/fonts/Brand.ttf"));
        assertThat(paragraphWidth("Brand", "iiii")).isLessThan(paragraphWidth("Brand", "MMMM"));
    }

    @Test
    void bytesThatAreNotAFontAreReported() {
        AssetStore.Outcome bad = store.apply(List.of(new AssetFile("assets/fonts/Broken.ttf", new byte[] {0, 1, 0, 0})), List.of());

        assertThat(bad.problems().get("assets/fonts/Broken.ttf")).containsExactly(new Diagnostic("assets/fonts/Broken.ttf", 0, 0,
                "not a TrueType or OpenType font (4 bytes); keeping the last good version"));
    }

    @Test
    void anUnknownFamilyFallsBackSoTextNeverDisappears() {
        assertThat(paragraphWidth("No Such Family", "Hotframe")).isGreaterThan(20f);
    }

    @Test
    void aSnapshotKeepsWhatIsUnchangedAndDropsWhatIsGone() {
        store.apply(List.of(shader("assets/bg.sksl", RED), png("assets/logo.png", 0xFF00FF00, 2, 2)), List.of());
        RuntimeEffect bg = store.shader("assets/bg.sksl");

        AssetStore.Outcome snapshot = store.replaceAll(List.of(shader("assets/bg.sksl", RED)));

        assertThat(snapshot.applied()).isEmpty();
        assertThat(snapshot.removed()).containsExactly("assets/logo.png");
        assertThat(store.shader("assets/bg.sksl")).isSameAs(bg);
        assertThat(store.image("assets/logo.png")).isNull();
        assertThat(store.paths()).containsExactly("assets/bg.sksl");
    }

    static AssetFile shader(String path, String source) {
        return new AssetFile(path, source.getBytes(StandardCharsets.UTF_8));
    }

    static AssetFile png(String path, int argb, int w, int h) {
        return dev.hotframe.viewer.testkit.AssetFiles.png(path, argb, w, h);
    }

    /** A PNG of random pixels, so that it does not compress to a few bytes. */
    private static byte[] noise(int w, int h) {
        java.util.Random random = new java.util.Random(7);
        try (Surface surface = Surface.makeRasterN32Premul(w, h); Paint paint = new Paint()) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    paint.setColor(0xFF000000 | random.nextInt(0x1000000));
                    surface.getCanvas().drawRect(Rect.makeXYWH(x, y, 1, 1), paint);
                }
            }
            try (Image image = surface.makeImageSnapshot()) {
                return image.encodeToData(EncodedImageFormat.PNG).getBytes();
            }
        }
    }

    /** {@code png} with its header (IHDR) claiming {@code w} by {@code h} pixels, its checksum made right. */
    private static byte[] withSize(byte[] png, int w, int h) {
        byte[] bytes = png.clone();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
        buffer.putInt(16, w).putInt(20, h); // 8 signature bytes, the chunk's length and "IHDR", then width and height
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 12, 4 + 13);
        buffer.putInt(12 + 4 + 13, (int) crc.getValue());
        return bytes;
    }

    private static int pixel(Image image) {
        try (Surface surface = Surface.makeRasterN32Premul(image.getWidth(), image.getHeight())) {
            surface.getCanvas().drawImage(image, 0, 0);
            return readPixel(surface, 0, 0);
        }
    }

    private static int fill(RuntimeEffect effect) {
        try (Surface surface = Surface.makeRasterN32Premul(8, 8); Paint paint = new Paint()) {
            paint.setShader(effect.makeShader(null, null, null));
            surface.getCanvas().drawRect(Rect.makeWH(8, 8), paint);
            return readPixel(surface, 4, 4);
        }
    }

    static int readPixel(Surface surface, int x, int y) {
        io.github.humbleui.skija.Bitmap bitmap = new io.github.humbleui.skija.Bitmap();
        bitmap.allocN32Pixels(surface.getWidth(), surface.getHeight());
        surface.readPixels(bitmap, 0, 0);
        int color = bitmap.getColor(x, y);
        bitmap.close();
        return color;
    }

    private float paragraphWidth(String family, String text) {
        try (ParagraphStyle style = new ParagraphStyle(); TextStyle ts = new TextStyle()) {
            ts.setFontFamilies(new String[] {family}).setFontSize(20).setColor(0xFF000000);
            try (ParagraphBuilder builder = new ParagraphBuilder(style, store.fonts())) {
                builder.pushStyle(ts).addText(text);
                try (Paragraph paragraph = builder.build()) {
                    paragraph.layout(400);
                    return paragraph.getLongestLine();
                }
            }
        }
    }
}
