package org.plantrack.formats.office;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * The text of a Word document's body, paragraph by paragraph, in the layout the text importer reads: a paragraph
 * numbered by Word's automatic numbering gets its number written out as Word shows it ({@code 一、}, {@code （一）},
 * {@code 1.}, {@code ①}), counted as Word counts (per list, levels restarting under their parent, start values
 * and overrides); a task-list table becomes its task lines ({@link TaskListTable}), another table gives the
 * paragraphs of its cells row by row; page headers, footers, footnotes and
 * comments are not read.
 */
final class DocxText {
    private final XWPFDocument doc;
    private final XWPFNumbering numbering;
    private final XWPFStyles styles;
    /** A level not counted yet (since its list began or its parent level last advanced). */
    private static final int UNSET = Integer.MIN_VALUE;
    /** Counters of each abstract list: the value of each level, or {@link #UNSET}. */
    private final Map<BigInteger, int[]> counters = new HashMap<>();
    private final Set<BigInteger> numsSeen = new HashSet<>();
    private final List<String> lines = new ArrayList<>();

    private DocxText(XWPFDocument doc) {
        this.doc = doc;
        this.numbering = doc.getNumbering();
        this.styles = doc.getStyles();
    }

    /** The document's text, lines separated by {@code \n}. */
    static String extract(byte[] bytes) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            DocxText t = new DocxText(doc);
            t.body(doc.getBodyElements(), 0);
            return String.join("\n", t.lines);
        }
    }

    private void body(List<IBodyElement> elements, int depth) {
        if (depth > 8) {
            return; // tables nested deeper than any document needs
        }
        for (IBodyElement e : elements) {
            if (e instanceof XWPFParagraph) {
                paragraph((XWPFParagraph) e);
            } else if (e instanceof XWPFTable) {
                table((XWPFTable) e, depth);
            } else if (e instanceof XWPFSDT) {
                for (String l : ((XWPFSDT) e).getContent().getText().split("\n")) {
                    add(l);
                }
            }
        }
    }

    /**
     * A table: a task-list table (a header row of recognised columns, {@link TaskListTable}) becomes its task lines;
     * any other gives its cells' paragraphs row by row.
     */
    private void table(XWPFTable t, int depth) {
        List<List<String>> grid = grid(t);
        int header = TaskListTable.findHeader(grid);
        if (header >= 0) {
            TaskListTable.render(null, grid, header).forEach(this::add);
            return;
        }
        for (XWPFTableRow row : t.getRows()) {
            for (XWPFTableCell cell : row.getTableCells()) {
                body(cell.getBodyElements(), depth + 1);
            }
        }
    }

    /** The table's cells as text by grid column: a cell spanning columns fills each, a vertically merged one its rows. */
    private List<List<String>> grid(XWPFTable t) {
        List<List<String>> grid = new ArrayList<>();
        for (XWPFTableRow row : t.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr pr = cell.getCTTc().getTcPr();
                int span = pr != null && pr.getGridSpan() != null && pr.getGridSpan().getVal() != null
                        ? Math.max(1, Math.min(60, pr.getGridSpan().getVal().intValue())) : 1;
                boolean continued = pr != null && pr.getVMerge() != null
                        && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE);
                String v = continued ? null : cellText(cell);
                for (int k = 0; k < span; k++) {
                    cells.add(v);
                }
            }
            grid.add(cells);
        }
        for (int r = 0; r < grid.size(); r++) {
            List<String> row = grid.get(r);
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) == null) {
                    List<String> above = r > 0 ? grid.get(r - 1) : List.of();
                    row.set(c, c < above.size() && above.get(c) != null ? above.get(c) : "");
                }
            }
        }
        return grid;
    }

    /** A cell's paragraphs (with their numbers), one line each. */
    private String cellText(XWPFTableCell cell) {
        List<String> ls = new ArrayList<>();
        for (XWPFParagraph p : cell.getParagraphs()) {
            String label = label(p);
            String text = joinBreaks(p.getText()).strip();
            if (!text.isEmpty() || label != null) {
                ls.add(label == null ? text : label + text);
            }
        }
        return String.join("\n", ls);
    }

    private void paragraph(XWPFParagraph p) {
        String text = joinBreaks(p.getText());
        String label = label(p);
        if (text.isBlank() && label == null) {
            return;
        }
        add(label == null ? text : label + text.stripLeading());
    }

    private void add(String line) {
        String l = line.replace('\u000B', ' ').stripTrailing();
        if (!l.isBlank()) {
            lines.add(l);
        }
    }

    /** A manual line break inside a paragraph joins its two parts (with a space between Latin letters or digits). */
    private static String joinBreaks(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        String[] parts = s.split("\r?\n|\r");
        StringBuilder b = new StringBuilder(parts[0].stripTrailing());
        for (int i = 1; i < parts.length; i++) {
            String next = parts[i].strip();
            if (next.isEmpty()) {
                continue;
            }
            if (b.length() > 0 && latin(b.charAt(b.length() - 1)) && latin(next.charAt(0))) {
                b.append(' ');
            }
            b.append(next);
        }
        return b.toString();
    }

    private static boolean latin(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }

    // ---------------------------------------------------------------- numbering

    /** The number Word shows before the paragraph, or {@code null}. */
    private String label(XWPFParagraph p) {
        if (numbering == null) {
            return null;
        }
        CTNumPr numPr = numPr(p);
        if (numPr == null || numPr.getNumId() == null) {
            return null;
        }
        BigInteger numId = numPr.getNumId().getVal();
        if (numId == null || numId.signum() == 0) {
            return null;
        }
        int ilvl = numPr.getIlvl() != null && numPr.getIlvl().getVal() != null ? numPr.getIlvl().getVal().intValue() : 0;
        if (ilvl < 0 || ilvl > 8) {
            return null;
        }
        XWPFNum num = numbering.getNum(numId);
        if (num == null || num.getCTNum() == null || num.getCTNum().getAbstractNumId() == null) {
            return null;
        }
        CTNum ctNum = num.getCTNum();
        BigInteger absId = ctNum.getAbstractNumId().getVal();
        XWPFAbstractNum abs = numbering.getAbstractNum(absId);
        if (abs == null || abs.getCTAbstractNum() == null) {
            return null;
        }
        CTLvl[] levels = levels(abs.getCTAbstractNum(), ctNum);
        int[] c = counters.computeIfAbsent(absId, k -> {
            int[] fresh = new int[9];
            java.util.Arrays.fill(fresh, UNSET);
            return fresh;
        });
        if (numsSeen.add(numId)) {
            for (CTNumLvl o : ctNum.getLvlOverrideArray()) {
                if (o.getIlvl() != null && o.getStartOverride() != null && o.getStartOverride().getVal() != null) {
                    int l = o.getIlvl().intValue();
                    if (l >= 0 && l < 9) {
                        c[l] = o.getStartOverride().getVal().intValue() - 1;
                        for (int k = l + 1; k < 9; k++) {
                            c[k] = UNSET;
                        }
                    }
                }
            }
        }
        CTLvl lvl = levels[ilvl];
        int start = start(lvl);
        c[ilvl] = c[ilvl] == UNSET ? start : c[ilvl] + 1;
        for (int k = ilvl + 1; k < 9; k++) {
            CTLvl deeper = levels[k];
            boolean restarts = deeper == null || deeper.getLvlRestart() == null
                    || deeper.getLvlRestart().getVal() == null || deeper.getLvlRestart().getVal().intValue() > ilvl;
            if (restarts) {
                c[k] = UNSET;
            }
        }
        if (lvl == null) {
            return null;
        }
        String fmt = lvl.getNumFmt() != null && lvl.getNumFmt().getVal() != null ? lvl.getNumFmt().getVal().toString()
                : "decimal";
        if ("bullet".equals(fmt) || "none".equals(fmt)) {
            return null;
        }
        String text = lvl.getLvlText() != null && lvl.getLvlText().getVal() != null ? lvl.getLvlText().getVal()
                : "%" + (ilvl + 1) + ".";
        boolean legal = lvl.getIsLgl() != null;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '%' && i + 1 < text.length() && text.charAt(i + 1) >= '1' && text.charAt(i + 1) <= '9') {
                int k = text.charAt(i + 1) - '1';
                CTLvl kl = levels[k];
                int value = c[k] != UNSET ? c[k] : start(kl);
                String kf = legal ? "decimal" : kl != null && kl.getNumFmt() != null && kl.getNumFmt().getVal() != null
                        ? kl.getNumFmt().getVal().toString() : "decimal";
                String shown = Numbers.format(value, kf);
                out.append(shown == null ? "" : shown);
                i++;
            } else {
                out.append(ch);
            }
        }
        String label = out.toString().strip();
        if (label.isEmpty()) {
            return null;
        }
        // "1<tab>text" reads as "1." and "一<tab>text" as "一、": give a bare number the punctuation it stands for
        char last = label.charAt(label.length() - 1);
        if (Character.isDigit(last)) {
            label += ".";
        } else if ("零一二三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰".indexOf(last) >= 0) {
            label += "、";
        }
        return label;
    }

    private static int start(CTLvl lvl) {
        return lvl != null && lvl.getStart() != null && lvl.getStart().getVal() != null
                ? lvl.getStart().getVal().intValue() : 1;
    }

    /** The nine levels of a list: the abstract list's, with a level the instance overrides replaced. */
    private static CTLvl[] levels(CTAbstractNum abs, CTNum num) {
        CTLvl[] levels = new CTLvl[9];
        for (CTLvl l : abs.getLvlArray()) {
            if (l.getIlvl() != null && l.getIlvl().intValue() >= 0 && l.getIlvl().intValue() < 9) {
                levels[l.getIlvl().intValue()] = l;
            }
        }
        for (CTNumLvl o : num.getLvlOverrideArray()) {
            if (o.getLvl() != null && o.getIlvl() != null && o.getIlvl().intValue() >= 0 && o.getIlvl().intValue() < 9) {
                levels[o.getIlvl().intValue()] = o.getLvl();
            }
        }
        return levels;
    }

    /** The paragraph's numbering: its own, else its style's (following {@code basedOn}). */
    private CTNumPr numPr(XWPFParagraph p) {
        CTPPr ppr = p.getCTP().getPPr();
        if (ppr != null && ppr.getNumPr() != null) {
            return ppr.getNumPr();
        }
        String styleId = p.getStyleID();
        for (int depth = 0; styleId != null && styles != null && depth < 10; depth++) {
            XWPFStyle st = styles.getStyle(styleId);
            if (st == null || st.getCTStyle() == null) {
                return null;
            }
            CTStyle ct = st.getCTStyle();
            if (ct.getPPr() != null && ct.getPPr().getNumPr() != null) {
                return ct.getPPr().getNumPr();
            }
            styleId = ct.getBasedOn() != null ? ct.getBasedOn().getVal() : null;
        }
        return null;
    }
}
