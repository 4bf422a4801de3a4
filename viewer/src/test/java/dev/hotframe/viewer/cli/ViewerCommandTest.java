package dev.hotframe.viewer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.wire.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ViewerCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"--version", "connect --version", "doctor --version"})
    void everyCommandPrintsTheSameVersionLine(String args) {
        CommandLine cli = new CommandLine(new ViewerCommand());
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute(args.split(" "))).isZero();
        assertThat(out).hasToString(Version.line("Hotframe viewer") + System.lineSeparator());
    }
}
