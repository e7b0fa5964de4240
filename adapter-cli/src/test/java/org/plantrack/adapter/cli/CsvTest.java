package org.plantrack.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedCellsAndKeepsTheLineEachRowStartsOn() {
        String text = "\uFEFFplan,target,note\n\nnp,1.1,\"a, \"\"quoted\"\"\nnote\"\r\nnp,1.2,plain\n";
        List<Csv.Row> rows = Csv.read(text, "x.csv");
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 3, 5);
        assertThat(rows.get(1).cells()).containsExactly("np", "1.1", "a, \"quoted\"\nnote");
        assertThat(rows.get(0).cells().get(0)).isEqualTo("plan");
    }

    @Test
    void anUnclosedQuoteNamesTheRow() {
        assertThatThrownBy(() -> Csv.read("a,b\n1,\"open\n", "x.csv"))
                .hasMessageContaining("x.csv row 2");
    }

    @Test
    void writesCellsThatNeedQuoting() {
        assertThat(Csv.line(List.of("a", "b,c", "say \"hi\"", 3))).isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",3\n");
    }
}
