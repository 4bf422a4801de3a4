package dev.hotframe.devserver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.wire.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DevServerCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"--version", "serve --version", "init --version"})
    void everyCommandPrintsTheSameVersionLine(String args) {
        CommandLine cli = new CommandLine(new DevServerCommand());
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute(args.split(" "))).isZero();
        assertThat(out).hasToString(Version.line("Hotframe dev server") + System.lineSeparator());
    }
}
