package org.plantrack.adapter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A plain-text table aligned by display width (CJK characters count two columns), with an
 * optional colour per cell that does not disturb the alignment.
 */
final class Table {
    private final List<String> headers;
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<Integer> maxWidths = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private final List<UnaryOperator<String>[]> colours = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
        for (int i = 0; i < headers.length; i++) {
            rightAligned.add(false);
            maxWidths.add(Integer.MAX_VALUE);
        }
    }

    /** Aligns column {@code i} to the right (numbers). */
    Table right(int i) {
        rightAligned.set(i, true);
        return this;
    }

    /** Cuts column {@code i} to at most {@code width} display columns. */
    Table maxWidth(int i, int width) {
        maxWidths.set(i, width);
        return this;
    }

    /** Adds a row; {@code null} cells print empty. */
    @SuppressWarnings("unchecked")
    Table row(Object... cells) {
        String[] r = new String[headers.size()];
        for (int i = 0; i < r.length; i++) {
            Object c = i < cells.length ? cells[i] : null;
            String s = c == null ? "" : String.valueOf(c).replace('\n', ' ').replace('\r', ' ');
            r[i] = DisplayWidth.truncate(s, maxWidths.get(i));
        }
        rows.add(r);
        colours.add(new UnaryOperator[headers.size()]);
        return this;
    }

    /** Colours one cell of the last row added. */
    Table colour(int column, UnaryOperator<String> colour) {
        colours.get(colours.size() - 1)[column] = colour;
        return this;
    }

    int size() {
        return rows.size();
    }

    /** The table as lines, columns separated by two spaces, no trailing blanks. */
    String render() {
        int n = headers.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = DisplayWidth.of(headers.get(i));
        }
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                w[i] = Math.max(w[i], DisplayWidth.of(r[i]));
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers.toArray(new String[0]), null, w);
        for (int k = 0; k < rows.size(); k++) {
            line(sb, rows.get(k), colours.get(k), w);
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, String[] cells, UnaryOperator<String>[] col, int[] w) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            boolean last = i == cells.length - 1;
            String padded = rightAligned.get(i) ? DisplayWidth.padLeft(cells[i], w[i])
                    : (last ? cells[i] : DisplayWidth.padRight(cells[i], w[i]));
            if (col != null && col[i] != null && !cells[i].isEmpty()) {
                String trimmed = padded.strip();
                int at = padded.indexOf(trimmed);
                padded = padded.substring(0, at) + col[i].apply(trimmed) + padded.substring(at + trimmed.length());
            }
            line.append(padded);
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        sb.append(line, 0, end).append('\n');
    }
}
