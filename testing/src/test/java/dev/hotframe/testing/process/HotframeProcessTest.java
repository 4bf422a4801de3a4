package dev.hotframe.testing.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HotframeProcessTest {

    @Test
    void awaitReadyReturnsTheReadyLineAndKeepsTheOutput() throws Exception {
        try (HotframeProcess server = HotframeProcess.command("fake-server", Map.of("GREETING", "hello"), "sh", "-c",
                "echo \"$GREETING\"; echo 'Hotframe dev server ready: ws://127.0.0.1:1/hotframe'; sleep 30")) {
            assertThat(server.awaitReady(Duration.ofSeconds(10))).isEqualTo("Hotframe dev server ready: ws://127.0.0.1:1/hotframe");
            assertThat(server.readyAtMs()).isPositive();
            assertThat(server.lines()).startsWith("hello");
            assertThat(server.alive()).isTrue();
        }
    }

    @Test
    void awaitReadyFailsWithTheOutputWhenTheProcessEndsFirst() throws Exception {
        try (HotframeProcess server = HotframeProcess.command("broken", Map.of(), "sh", "-c", "echo 'no project here'; exit 3")) {
            assertThatThrownBy(() -> server.awaitReady(Duration.ofSeconds(10)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("broken exited with 3 before its ready line\n---- broken output ----\nno project here\n---- end of broken ----");
        }
    }
}
