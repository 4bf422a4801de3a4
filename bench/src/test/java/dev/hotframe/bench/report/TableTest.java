package dev.hotframe.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TableTest {

    private final Table table = new Table("case", "p50").row("scene", Table.ms(7.25)).row("a|b", Table.ms(1234.4));

    @Test
    void markdownHasHeaderSeparatorAndEscapedPipes() {
        assertThat(table.markdown()).isEqualTo("""
                | case | p50 |
                |---|---|
                | scene | 7.3 |
                | a\\|b | 1,234 |
                """);
    }

    @Test
    void textAlignsColumnsFirstLeftRestRight() {
        assertThat(table.text()).isEqualTo("""
                case     p50
                scene    7.3
                a|b    1,234
                """);
    }

    @Test
    void aRowWithTheWrongWidthIsRefusedWithItsCells() {
        assertThatThrownBy(() -> table.row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row has 1 cells, the table has 2 columns: only one");
    }

    @Test
    void ratiosOfMissingOrZeroAreDashes() {
        assertThat(Tables.ratio(3100, 62)).isEqualTo("50.0x");
        assertThat(Tables.ratio(3100, Double.NaN)).isEqualTo("-");
        assertThat(Tables.ratio(3100, 0)).isEqualTo("-");
    }
}
