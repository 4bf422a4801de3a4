package dev.hotframe.viewer.reload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedefinerTest {

    @Test
    void primingRedefinesItsOwnClassWhenTheJvmAllowsRedefinition() {
        assertThat(new Redefiner(RedefineAgent.instrumentation()).prime()).isTrue();
        assertThat(new Redefiner(RedefineAgent.instrumentation()).prime()).as("again: it is harmless").isTrue();
    }

    @Test
    void withoutInstrumentationPrimingDoesNothing() {
        assertThat(new Redefiner(null).prime()).isFalse();
    }
}
