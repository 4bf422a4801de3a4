package dev.hotframe.viewer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotframe.wire.Discovery;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token precedence, with a real local record and token file in a temporary home. */
class AddressSourceTest {

    private static final URI GIVEN = URI.create("wss://10.0.0.2:7000/hotframe");
    private static final URI RECORDED = URI.create("ws://127.0.0.1:41233/hotframe");
    private static final String PIN = "ab".repeat(32);

    @TempDir
    Path home;

    private void record(String token) throws IOException {
        Files.writeString(home.resolve(Discovery.RECORD), "{\"url\": \"" + RECORDED + "\", \"token\": \"" + token
                + "\", \"pid\": " + ProcessHandle.current().pid() + ", \"fingerprint\": \"cd\"}");
    }

    private Path tokenFile(String token) throws IOException {
        return Files.writeString(home.resolve("token"), token + "\n");
    }

    @Test
    void theTokenFileWinsOverTheOptionTheEnvironmentAndTheRecord() throws IOException {
        record("from-record");
        Path file = tokenFile("from-file");

        assertThat(new AddressSource(GIVEN, "option", "env", file, PIN, home).get())
                .isEqualTo(new ServerAddress(GIVEN, "from-file", PIN));
        assertThat(new AddressSource(null, "option", "env", file, PIN, home).get())
                .isEqualTo(new ServerAddress(RECORDED, "from-file", "cd"));
    }

    @Test
    void theOptionWinsOverTheEnvironmentWhichWinsOverTheRecord() throws IOException {
        record("from-record");

        assertThat(new AddressSource(GIVEN, "option", "env", null, PIN, home).get())
                .isEqualTo(new ServerAddress(GIVEN, "option", PIN));
        assertThat(new AddressSource(GIVEN, null, "env", null, PIN, home).get())
                .isEqualTo(new ServerAddress(GIVEN, "env", PIN));
        assertThat(new AddressSource(null, null, "env", null, null, home).get())
                .isEqualTo(new ServerAddress(RECORDED, "env", "cd"));
    }

    @Test
    void withoutATokenTheRecordsIsUsedAndWithoutARecordNone() throws IOException {
        assertThat(new AddressSource(GIVEN, null, null, null, PIN, home).get()).isEqualTo(new ServerAddress(GIVEN, "", PIN));

        record("from-record");

        assertThat(new AddressSource(GIVEN, null, null, null, PIN, home).get())
                .isEqualTo(new ServerAddress(GIVEN, "from-record", PIN));
        assertThat(new AddressSource(null, null, null, null, null, home).get())
                .isEqualTo(new ServerAddress(RECORDED, "from-record", "cd"));
    }

    @Test
    void aMissingRecordOrTokenFileSaysWhatIsMissing() {
        assertThatThrownBy(() -> new AddressSource(null, "option", null, null, null, home).get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no dev server found: " + home.resolve(Discovery.RECORD) + " does not exist. Start one with "
                        + "'bin/devserver serve PROJECT_DIR', or pass its URL and --token");
        assertThatThrownBy(() -> new AddressSource(GIVEN, "option", null, home.resolve("token"), null, home).get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the token file " + home.resolve("token") + " does not exist yet");
    }

    @Test
    void onlyATokenFromTheRecordOrAFileMayChangeWhileTheViewerRuns() {
        assertThat(new AddressSource(null, "option", null, null, null, home).refreshesToken()).isTrue();
        assertThat(new AddressSource(GIVEN, null, null, home.resolve("token"), null, home).refreshesToken()).isTrue();
        assertThat(new AddressSource(GIVEN, null, null, null, null, home).refreshesToken()).isFalse();
        assertThat(new AddressSource(GIVEN, "option", null, null, null, home).refreshesToken()).isFalse();
    }
}
