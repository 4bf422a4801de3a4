package dev.hotframe.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SummaryTest {

    @Test
    void percentilesAreNearestRankOfMeasuredValues() {
        List<Double> samples = new ArrayList<>();
        for (int i = 30; i >= 1; i--) {
            samples.add((double) i);
        }
        assertThat(Summary.of(samples)).isEqualTo(new Summary(30, 15, 29, 30, 15.5));
    }

    @Test
    void oneSampleIsEveryPercentile() {
        assertThat(Summary.of(List.of(7.0))).isEqualTo(new Summary(1, 7, 7, 7, 7));
    }

    @Test
    void noSamplesGiveNaNNotAnError() {
        Summary s = Summary.of(List.of());
        assertThat(s.n()).isZero();
        assertThat(s.p50()).isNaN();
        assertThat(Table.ms(s.p95())).isEqualTo("-");
    }

    @Test
    void percentileOutsideRangeNamesIt() {
        assertThatThrownBy(() -> Summary.percentile(List.of(1.0), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'p' must be in (0, 100], was 0.0");
    }
}
