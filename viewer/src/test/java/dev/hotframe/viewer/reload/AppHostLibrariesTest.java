package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.viewer.libs.LibraryCache;
import dev.hotframe.viewer.testkit.Jars;
import dev.hotframe.viewer.testkit.TestApp;
import dev.hotframe.viewer.testkit.TestCompiler;
import dev.hotframe.wire.ClassFile;
import dev.hotframe.wire.Library;
import dev.hotframe.wire.Sha256;
import dev.hotframe.wire.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An app that calls into a library jar the viewer does not have on its own class path. */
@Timeout(60)
class AppHostLibrariesTest {

    private static final String APP = "demo.App";

    @TempDir
    Path dir;

    /** A library jar whose {@code shout.Shout.text()} returns {@code value}, put into {@code cache} under its hash. */
    private Library library(LibraryCache cache, String value) throws IOException {
        List<ClassFile> classes = TestCompiler.compile("""
                package shout;

                public final class Shout {
                    public static String text() {
                        return "%s";
                    }
                }
                """.formatted(value));
        Path jar = Jars.write(dir.resolve("build/shout-" + value + ".jar"), classes);
        byte[] bytes = Files.readAllBytes(jar);
        Library library = new Library(jar.getFileName().toString(), Sha256.hex(bytes), bytes.length);
        Files.createDirectories(dir.resolve("cache"));
        Files.write(cache.file(library), bytes);
        return library;
    }

    private List<ClassFile> app() {
        return TestApp.named(APP).state("public int clicks;").update("s.clicks++;").get("shout.Shout.text()")
                .compile(List.of(dir.resolve("build/shout-v1.jar")));
    }

    private static String value(AppHost host) {
        return ((Supplier<?>) host.app()).get().toString();
    }

    @Test
    void theAppRunsAgainstItsLibraryAndANewVersionOfItReloadsKeepingTheState() throws IOException {
        LibraryCache cache = new LibraryCache(dir.resolve("cache"));
        Library v1 = library(cache, "v1");
        Library v2 = library(cache, "v2");
        AppHost host = new AppHost(RedefineAgent.instrumentation(), cache);

        assertThat(host.start(APP, app(), List.of(v1)).ok()).isTrue();
        assertThat(value(host)).isEqualTo("v1");
        host.app().update(host.state(), 0.016);
        host.app().update(host.state(), 0.016);

        Applied applied = host.apply(Tier.REDEFINE, "libraries changed: +shout-v2.jar, -shout-v1.jar", List.of(), List.of(),
                List.of(v2));

        assertThat(applied.ok()).as(applied.error()).isTrue();
        assertThat(applied.tier()).isEqualTo(Tier.RELOAD);
        assertThat(value(host)).isEqualTo("v2");
        assertThat(host.stateTree().path("clicks").asInt()).isEqualTo(2);

        assertThat(host.rollback().ok()).isTrue();
        assertThat(value(host)).as("undo goes back to the code and the libraries it ran with").isEqualTo("v1");
    }

    @Test
    void aLibraryMissingFromTheCacheFailsTheStartWithTheReason() throws IOException {
        LibraryCache cache = new LibraryCache(dir.resolve("cache"));
        Library v1 = library(cache, "v1");
        List<ClassFile> classes = app();
        Files.delete(cache.file(v1));
        AppHost host = new AppHost(RedefineAgent.instrumentation(), cache);

        Applied applied = host.start(APP, classes, List.of(v1));

        assertThat(applied.ok()).isFalse();
        assertThat(applied.error()).isEqualTo("library shout-v1.jar has not been fetched from the dev server");
        assertThat(host.running()).isFalse();
    }

    @Test
    void withoutItsLibraryTheAppFailsWhereItCallsIt() throws IOException {
        LibraryCache cache = new LibraryCache(dir.resolve("cache"));
        library(cache, "v1");
        AppHost host = new AppHost(RedefineAgent.instrumentation(), cache);

        assertThat(host.start(APP, app(), List.of()).ok()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> value(host)).isInstanceOf(NoClassDefFoundError.class)
                .hasMessageContaining("shout/Shout");
    }
}
