package dev.hotframe.devserver.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class ServerRecordTest {

    @TempDir
    Path home;

    @Test
    void recordNamesUrlTokenProjectAndThisProcess() throws Exception {
        AccessToken token = AccessToken.generate();
        ServerRecord record = new ServerRecord(home.resolve("nested"));

        record.write("ws://127.0.0.1:4711/hotframe", token, Path.of("/work/demo"), null);

        JsonNode json = new ObjectMapper().readTree(record.file().toFile());
        assertThat(record.file()).isEqualTo(home.resolve("nested/server.json"));
        assertThat(List.of(json.path("url").asText(), json.path("token").asText(), json.path("project").asText(),
                json.path("pid").asLong())).containsExactly("ws://127.0.0.1:4711/hotframe", token.value(), "/work/demo",
                ProcessHandle.current().pid());
        assertThat(json.path("startedAtMs").asLong()).isPositive();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(record.file()))).isEqualTo("rw-------");
        assertThat(home.resolve("nested/server.json.tmp")).doesNotExist();
    }

    @Test
    void rewritingReplacesTheRecord() throws Exception {
        ServerRecord record = new ServerRecord(home);
        record.write("ws://127.0.0.1:1/hotframe", AccessToken.generate(), home, null);

        record.write("ws://127.0.0.1:2/hotframe", AccessToken.generate(), home, null);

        assertThat(new ObjectMapper().readTree(record.file().toFile()).path("url").asText()).isEqualTo("ws://127.0.0.1:2/hotframe");
    }

    @Test
    void ownRecordIsDeleted() throws Exception {
        ServerRecord record = new ServerRecord(home);
        record.write("ws://127.0.0.1:1/hotframe", AccessToken.generate(), home, null);

        record.deleteIfOurs();

        assertThat(record.file()).doesNotExist();
    }

    @Test
    void anotherServersRecordIsKept() throws Exception {
        ServerRecord record = new ServerRecord(home);
        String theirs = "{\"url\": \"ws://127.0.0.1:9/hotframe\", \"pid\": " + (ProcessHandle.current().pid() + 1) + "}";
        Files.writeString(record.file(), theirs);

        record.deleteIfOurs();

        assertThat(record.file()).hasContent(theirs);
    }
}
