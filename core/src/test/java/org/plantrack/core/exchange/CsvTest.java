package org.plantrack.core.exchange;

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
        assertThat(Csv.line(List.of("a", "b,c", "say \"hi\"", 3), Csv.LF)).isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",3\n");
        assertThat(Csv.line(java.util.Arrays.asList("x", null, "y"), Csv.CRLF)).isEqualTo("x,,y\r\n");
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaAreDefused() {
        assertThat(Csv.line(List.of("=HYPERLINK(\"http://x\")", "+1+2", "@SUM(A1)", "-3", "-1.5e3", "-x"), Csv.LF))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+1+2,'@SUM(A1),-3,-1.5e3,'-x\n");
    }

    @Test
    void whatIsWrittenReadsBack() {
        List<String> cells = List.of("np-2017", "第一, 二", "a \"q\"\nb", "");
        String text = Csv.line(cells, Csv.CRLF) + Csv.line(cells, Csv.LF);
        List<Csv.Row> rows = Csv.read(text, "x.csv");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cells()).isEqualTo(cells);
        assertThat(rows.get(1).line()).isEqualTo(3);
    }
}
