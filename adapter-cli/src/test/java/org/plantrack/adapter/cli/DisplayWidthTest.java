package org.plantrack.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

    @Test
    void hanCharactersAndFullWidthPunctuationTakeTwoColumns() {
        assertThat(DisplayWidth.of("abc")).isEqualTo(3);
        assertThat(DisplayWidth.of("科协")).isEqualTo(4);
        assertThat(DisplayWidth.of("南科协〔2017〕12号")).isEqualTo(2 * 6 + 6);
        assertThat(DisplayWidth.of("（一）")).isEqualTo(6);
        assertThat(DisplayWidth.of("e\u0301")).isEqualTo(1);
    }

    @Test
    void truncationCountsColumnsNotCharacters() {
        assertThat(DisplayWidth.truncate("科普志愿者培训", 7)).isEqualTo("科普志…");
        assertThat(DisplayWidth.of(DisplayWidth.truncate("科普志愿者培训", 7))).isLessThanOrEqualTo(7);
        assertThat(DisplayWidth.truncate("short", 10)).isEqualTo("short");
    }

    @Test
    void tableColumnsLineUpOnScreenWithMixedScripts() {
        String t = new Table("ID", "NAME", "N").right(2)
                .row("a", "延平区科协", 5)
                .row("bb", "Nanping", 12)
                .render();
        String[] lines = t.split("\n");
        int col = -1;
        for (String line : lines) {
            int w = DisplayWidth.of(line);
            if (col < 0) {
                col = w;
            }
            assertThat(w).as("display width of %s", line).isEqualTo(col);
        }
        assertThat(lines[1]).isEqualTo("a   延平区科协   5");
    }
}
