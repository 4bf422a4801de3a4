package dev.hotframe.devserver.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.devserver.project.Project;
import dev.hotframe.wire.AssetFile;
import dev.hotframe.wire.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The catalog on real files in a real project folder. */
@Timeout(30)
class AssetCatalogTest {

    @TempDir
    Path dir;

    private Path root;
    private Path assets;
    private Project project;

    @BeforeEach
    void project() throws Exception {
        root = dir.toRealPath().resolve("demo");
        Files.createDirectories(root.resolve("src/main/java"));
        assets = Files.createDirectories(root.resolve("assets/shaders"));
        Files.writeString(root.resolve("hotframe.json"), "{\"app\": \"demo.App\"}");
        project = Project.load(root);
    }

    @Test
    void loadsImagesFontsAndShadersAndIgnoresOtherFiles() throws Exception {
        Files.write(root.resolve("assets/logo.png"), new byte[] {1, 2});
        Files.writeString(root.resolve("assets/shaders/bg.sksl"), "half4 main(float2 p) { return half4(1); }");
        Files.writeString(root.resolve("assets/notes.txt"), "not an asset");

        AssetCatalog.Result result = new AssetCatalog(project).loadAll();

        assertThat(result.changed()).extracting(AssetFile::path).containsExactly("assets/logo.png", "assets/shaders/bg.sksl");
        assertThat(result.removed()).isEmpty();
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void onlyChangedBytesAreSentAndADeletionIsAnnounced() throws Exception {
        Path logo = Files.write(root.resolve("assets/logo.png"), new byte[] {1, 2});
        AssetCatalog catalog = new AssetCatalog(project);
        catalog.loadAll();

        assertThat(catalog.changed(List.of(logo)).isEmpty()).as("same bytes saved again").isTrue();

        Files.write(logo, new byte[] {1, 2, 3});
        assertThat(catalog.changed(List.of(logo)).changed()).containsExactly(new AssetFile("assets/logo.png", new byte[] {1, 2, 3}));

        Files.delete(logo);
        AssetCatalog.Result gone = catalog.changed(List.of(logo));
        assertThat(gone.removed()).containsExactly("assets/logo.png");
        assertThat(catalog.published().assets()).isEmpty();
    }

    @Test
    void aSymlinkLeadingOutOfTheAssetsFolderIsRefusedAndNamed() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.png"), "private key material");
        Path link = Files.createSymbolicLink(root.resolve("assets/stolen.png"), secret);

        AssetCatalog catalog = new AssetCatalog(project);
        AssetCatalog.Result result = catalog.changed(List.of(link));

        assertThat(result.changed()).isEmpty();
        assertThat(result.errors()).isEqualTo(Map.of("assets/stolen.png", List.of(new Diagnostic("assets/stolen.png", 0, 0,
                "refused: the real path of this asset is outside assets/ (a symlink?) or it is not a regular file"))));
        assertThat(catalog.published().problemList()).hasSize(1);

        Files.delete(link);
        AssetCatalog.Result fixed = catalog.changed(List.of(link));
        assertThat(fixed.fixed()).containsExactly("assets/stolen.png");
        assertThat(catalog.published().problems()).isEmpty();
    }

    @Test
    void aSymlinkInsideTheFolderIsFollowed() throws Exception {
        Path real = Files.write(root.resolve("assets/real.png"), new byte[] {7});
        Path link = Files.createSymbolicLink(root.resolve("assets/alias.png"), real);

        AssetCatalog.Result result = new AssetCatalog(project).changed(List.of(link));

        assertThat(result.changed()).containsExactly(new AssetFile("assets/alias.png", new byte[] {7}));
    }

    @Test
    void anAssetOverTheSizeLimitIsRefusedAndTheLastGoodOneStays() throws Exception {
        Path logo = Files.write(root.resolve("assets/logo.png"), new byte[] {1});
        AssetCatalog catalog = new AssetCatalog(project, 10);
        catalog.loadAll();

        Files.write(logo, new byte[11]);
        AssetCatalog.Result result = catalog.changed(List.of(logo));

        assertThat(result.errors().get("assets/logo.png")).containsExactly(new Diagnostic("assets/logo.png", 0, 0,
                "this asset is 11 bytes; the most one asset may be is 10"));
        assertThat(catalog.published().list()).containsExactly(new AssetFile("assets/logo.png", new byte[] {1}));
    }
}
