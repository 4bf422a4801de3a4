package dev.hotframe.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireCodecWarmTest {

    @Test
    void warmingRoundTripsEveryUpdateKind() {
        assertThat(new WireCodec().warm()).as("every warm-up message encodes, decodes and validates").isTrue();
    }
}
