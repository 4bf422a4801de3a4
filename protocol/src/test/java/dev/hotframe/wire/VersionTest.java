package dev.hotframe.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void aBuildFolderSaysDevelopmentBuildWithTheProtocolAndJdk() {
        assertThat(Version.line("Hotframe viewer")).isEqualTo("Hotframe viewer (development build), protocol "
                + Protocol.VERSION + ", Java " + Runtime.version());
    }
}
