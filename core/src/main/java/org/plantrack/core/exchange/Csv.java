package org.plantrack.core.exchange;

import java.util.ArrayList;
import java.util.List;
import org.plantrack.core.error.ValidationException;

/**
 * Plantrack's one CSV reader and writer (RFC 4180): rows with the line they start on, and lines whose cells are
 * quoted when they need it. Cells that a spreadsheet would run as a formula (a leading {@code = + - @} that is not
 * a number) are written with a leading apostrophe, so an exported note cannot run in Excel or WPS.
 *
 * <p>Files meant for spreadsheets end lines with CRLF ({@link #CRLF}, what RFC 4180 and Excel expect); the command
 * line's standard output ends them with LF ({@link #LF}) so that {@code awk} and {@code cut} read the last cell
 * without a carriage return.
 */
public final class Csv {
    /** The line end of CSV files (RFC 4180). */
    public static final String CRLF = "\r\n";
    /** The line end of CSV written to a terminal or a pipe. */
    public static final String LF = "\n";

    private Csv() {
    }

    /**
     * One row read from a CSV text.
     *
     * @param line  1-based line on which the row starts (the header is line 1, as in a spreadsheet)
     * @param cells the cells, unquoted
     */
    public record Row(int line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * Reads every row; a quoted cell may hold commas, doubled quotes and line breaks. A leading byte-order mark and
     * blank lines are skipped.
     *
     * @param text  the CSV text
     * @param where what names the text in an error (a file name)
     * @return the rows in order
     * @throws ValidationException naming {@code where} and the row, for a quote that is never closed
     */
    public static List<Row> read(String text, String where) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
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
                addUnlessBlank(rows, rowLine, cells);
                cells.clear();
                line++;
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new ValidationException(where + " row " + rowLine, "an unclosed quote",
                    "a closing \" for the quoted cell");
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            addUnlessBlank(rows, rowLine, cells);
        }
        return rows;
    }

    private static void addUnlessBlank(List<Row> rows, int line, List<String> cells) {
        if (!(cells.size() == 1 && cells.get(0).isBlank())) {
            rows.add(new Row(line, cells));
        }
    }

    /**
     * Appends one line of cells and {@code end}.
     *
     * @param out   where the line goes
     * @param cells the cells; {@code null} is an empty cell, anything else its {@code toString()}
     * @param end   {@link #CRLF} or {@link #LF}
     */
    public static void line(StringBuilder out, List<?> cells, String end) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object o = cells.get(i);
            String c = o == null ? "" : o.toString();
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !isNumber(c)) {
                c = "'" + c;
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append(end);
    }

    /** One line of cells and {@code end} (see {@link #line(StringBuilder, List, String)}). */
    public static String line(List<?> cells, String end) {
        StringBuilder sb = new StringBuilder();
        line(sb, cells, end);
        return sb.toString();
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
