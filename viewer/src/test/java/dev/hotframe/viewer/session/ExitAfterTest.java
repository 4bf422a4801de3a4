package dev.hotframe.viewer.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotframe.wire.Tier;
import dev.hotframe.wire.ViewerMessage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExitAfterTest {

    private final AtomicInteger stops = new AtomicInteger();

    private static ViewerMessage.Ack ack(long seq, boolean ok) {
        return new ViewerMessage.Ack(seq, ok, Tier.REDEFINE, 100, 116, ok ? null : "cannot migrate State", Map.of());
    }

    @Test
    void stopsAtTheNthAckAndRemembersAFailedOne() {
        ExitAfter exits = new ExitAfter(2, stops::incrementAndGet);

        exits.count(ack(0, false));
        exits.count(new ViewerMessage.Pong(5));
        assertThat(stops).hasValue(0);
        exits.count(ack(1, true));

        assertThat(stops).hasValue(1);
        assertThat(exits.anyFailed()).isTrue();
    }

    @Test
    void withoutALimitItNeverStopsAndNeverFails() {
        ExitAfter exits = new ExitAfter(0, stops::incrementAndGet);

        exits.count(ack(0, false));

        assertThat(stops).hasValue(0);
        assertThat(exits.anyFailed()).isFalse();
    }
}
