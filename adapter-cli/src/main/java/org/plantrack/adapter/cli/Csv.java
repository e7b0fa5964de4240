package org.plantrack.adapter.cli;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: reading rows with their line numbers, and writing cells. */
final class Csv {
    private Csv() {
    }

    /**
     * One row read from a CSV text.
     *
     * @param line  1-based line on which the row starts (the header is line 1)
     * @param cells the cells, unquoted
     */
    record Row(int line, List<String> cells) {
    }

    /** Reads every row; a quoted cell may hold commas, doubled quotes and line breaks. Blank lines are skipped. */
    static List<Row> read(String text, String where) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        if (text.startsWith("\uFEFF")) {
            i = 1;
        }
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
                if (!(cells.size() == 1 && cells.get(0).isBlank())) {
                    rows.add(new Row(rowLine, List.copyOf(cells)));
                }
                cells.clear();
                line++;
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new org.plantrack.core.error.ValidationException(where + " row " + rowLine, "an unclosed quote",
                    "a closing \" for the quoted cell");
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            if (!(cells.size() == 1 && cells.get(0).isBlank())) {
                rows.add(new Row(rowLine, List.copyOf(cells)));
            }
        }
        return rows;
    }

    /** One CSV line (with a trailing newline), quoting cells that need it. */
    static String line(List<?> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object o = cells.get(i);
            String s = o == null ? "" : String.valueOf(o);
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(s);
            }
        }
        return sb.append('\n').toString();
    }
}
