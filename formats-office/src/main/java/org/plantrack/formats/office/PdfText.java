package org.plantrack.formats.office;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a PDF's text layer in the layout the text importer reads: characters grouped into lines by
 * position (upright text only: a round stamp's rotated letters are not read), page headers and footers dropped
 * (a line in the top or bottom band of the page that repeats on at least half the pages, digits aside, or that
 * reads as a page number: {@code — 3 —}, {@code 第3页}, {@code 3/12}), and the lines a paragraph was wrapped into,
 * also across a page break, joined again: a line that reaches the right margin continues on the next when that
 * one is not indented and does not start with a number ({@code 一、}, {@code 1.}, {@code （一）}).
 */
final class PdfText {
    /** The share of the page height at the top and at the bottom where headers and footers stand. */
    private static final double BAND = 0.12;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[-—–‒―~－_\\s]*\\d{1,4}[-—–‒―~－_\\s]*|第\\s*\\d{1,4}\\s*页(?:\\s*[/，,]?\\s*共\\s*\\d{1,4}\\s*页)?"
                    + "|\\d{1,4}\\s*/\\s*\\d{1,4}|(?i:page)\\s*\\d{1,4}(?:\\s*(?i:of)\\s*\\d{1,4})?)$");
    private static final Pattern MARKER = Pattern.compile(
            "^\\s*(?:[一二三四五六七八九十百零〇两]+\\s*[、.．]|[(（]\\s*[一二三四五六七八九十百零〇两\\d]+\\s*[)）]"
                    + "|\\d{1,3}\\s*(?:[、．]|\\.(?!\\d))|[①-⑳])");

    /** One line of a page: its text and where it stands (PDF units, y from the top). */
    record Line(String text, float x0, float x1, float y, float charWidth) {
    }

    /** The pages' lines, and how many characters the text layer had in all. */
    record Pages(List<List<Line>> pages, List<Float> heights, int characters) {
    }

    private PdfText() {
    }

    /** Reads every page's lines. */
    static Pages lines(PDDocument doc) throws IOException {
        Collector c = new Collector();
        c.setSortByPosition(true);
        c.getText(doc);
        return new Pages(c.pages, c.heights, c.characters);
    }

    /** The document's text, lines separated by {@code \n}, as the class comment says. */
    static String text(Pages pages) {
        List<List<Line>> kept = dropHeadersAndFooters(pages);
        List<Line> all = new ArrayList<>();
        kept.forEach(all::addAll);
        if (all.isEmpty()) {
            return "";
        }
        float left = leftMargin(all);
        float right = 0;
        float[] widths = new float[all.size()];
        for (int i = 0; i < all.size(); i++) {
            right = Math.max(right, all.get(i).x1());
            widths[i] = all.get(i).charWidth();
        }
        Arrays.sort(widths);
        float cw = Math.max(1f, widths[widths.length / 2]);
        List<String> out = new ArrayList<>();
        StringBuilder para = null;
        Line prev = null;
        for (Line l : all) {
            boolean continues = prev != null && prev.x1() >= right - 1.5f * cw && l.x0() <= left + 0.5f * cw
                    && !MARKER.matcher(l.text()).lookingAt();
            if (continues) {
                char last = para.charAt(para.length() - 1);
                if (latin(last) && latin(l.text().charAt(0))) {
                    para.append(' ');
                }
                para.append(l.text());
            } else {
                if (para != null) {
                    out.add(para.toString());
                }
                para = new StringBuilder(l.text());
            }
            prev = l;
        }
        out.add(para.toString());
        return String.join("\n", out);
    }

    private static boolean latin(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }

    /** The left edge most lines start at (the body's margin; indented first lines and centred titles aside). */
    private static float leftMargin(List<Line> lines) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Line l : lines) {
            counts.merge(Math.round(l.x0()), 1, Integer::sum);
        }
        int best = Math.round(lines.get(0).x0());
        int bestCount = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static List<List<Line>> dropHeadersAndFooters(Pages p) {
        int n = p.pages().size();
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> bottom = new HashMap<>();
        for (int i = 0; i < n; i++) {
            float h = p.heights().get(i);
            for (Line l : p.pages().get(i)) {
                if (l.y() <= h * BAND) {
                    top.merge(key(l.text()), 1, Integer::sum);
                } else if (l.y() >= h * (1 - BAND)) {
                    bottom.merge(key(l.text()), 1, Integer::sum);
                }
            }
        }
        int repeated = Math.max(2, (n + 1) / 2);
        List<List<Line>> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float h = p.heights().get(i);
            List<Line> page = new ArrayList<>();
            for (Line l : p.pages().get(i)) {
                boolean inTop = l.y() <= h * BAND;
                boolean inBottom = l.y() >= h * (1 - BAND);
                if ((inTop || inBottom) && PAGE_NUMBER.matcher(l.text().strip()).matches()) {
                    continue;
                }
                if (inTop && top.getOrDefault(key(l.text()), 0) >= repeated) {
                    continue;
                }
                if (inBottom && bottom.getOrDefault(key(l.text()), 0) >= repeated) {
                    continue;
                }
                page.add(l);
            }
            kept.add(page);
        }
        return kept;
    }

    /** A line's text with blanks removed and digits alike, so "第 3 页" and "第 4 页" repeat. */
    private static String key(String s) {
        return s.replaceAll("\\s+", "").replaceAll("\\d+", "#");
    }

    /** Collects the characters of each page (as PDFBox found them, duplicates of fake bold removed) into lines. */
    private static final class Collector extends PDFTextStripper {
        final List<List<Line>> pages = new ArrayList<>();
        final List<Float> heights = new ArrayList<>();
        int characters;
        private float pageHeight;

        Collector() {
            super();
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            pageHeight = page.getMediaBox() == null ? 842f : page.getMediaBox().getHeight();
            super.startPage(page);
        }

        @Override
        protected void writePage() throws IOException {
            List<TextPosition> chars = new ArrayList<>();
            for (List<TextPosition> article : getCharactersByArticle()) {
                for (TextPosition t : article) {
                    if (upright(t) && t.getUnicode() != null && !t.getUnicode().isEmpty()) {
                        chars.add(t);
                    }
                }
            }
            chars.sort((a, b) -> Float.compare(a.getYDirAdj(), b.getYDirAdj()));
            List<List<TextPosition>> rows = new ArrayList<>();
            List<TextPosition> row = null;
            float rowY = 0;
            float rowH = 0;
            for (TextPosition t : chars) {
                float h = Math.max(1f, t.getHeightDir());
                if (row == null || Math.abs(t.getYDirAdj() - rowY) > 0.5f * Math.max(h, rowH)) {
                    row = new ArrayList<>();
                    rows.add(row);
                    rowY = t.getYDirAdj();
                    rowH = h;
                }
                row.add(t);
            }
            List<Line> lines = new ArrayList<>();
            for (List<TextPosition> r : rows) {
                r.sort((a, b) -> Float.compare(a.getXDirAdj(), b.getXDirAdj()));
                StringBuilder b = new StringBuilder();
                float widthSum = 0;
                int counted = 0;
                TextPosition last = null;
                for (TextPosition t : r) {
                    String u = t.getUnicode();
                    if (last != null) {
                        float gap = t.getXDirAdj() - (last.getXDirAdj() + last.getWidthDirAdj());
                        float space = Math.max(1f, t.getWidthOfSpace() > 0 ? t.getWidthOfSpace() : t.getWidthDirAdj() / 2);
                        if (gap > 0.8f * space && b.length() > 0 && b.charAt(b.length() - 1) != ' ' && !u.equals(" ")) {
                            b.append(' ');
                        }
                    }
                    b.append(u);
                    if (!u.isBlank()) {
                        widthSum += t.getWidthDirAdj();
                        counted++;
                        characters += u.strip().length();
                    }
                    last = t;
                }
                String text = b.toString().strip();
                if (text.isEmpty()) {
                    continue;
                }
                TextPosition first = firstVisible(r);
                TextPosition end = lastVisible(r);
                lines.add(new Line(text, first.getXDirAdj(), end.getXDirAdj() + end.getWidthDirAdj(), first.getYDirAdj(),
                        counted == 0 ? 1f : widthSum / counted));
            }
            pages.add(lines);
            heights.add(pageHeight);
        }

        private static TextPosition firstVisible(List<TextPosition> r) {
            for (TextPosition t : r) {
                if (!t.getUnicode().isBlank()) {
                    return t;
                }
            }
            return r.get(0);
        }

        private static TextPosition lastVisible(List<TextPosition> r) {
            for (int i = r.size() - 1; i >= 0; i--) {
                if (!r.get(i).getUnicode().isBlank()) {
                    return r.get(i);
                }
            }
            return r.get(r.size() - 1);
        }

        /** Whether a character stands upright (a stamp's text runs round a circle and is not read). */
        private static boolean upright(TextPosition t) {
            if (t.getDir() != 0f) {
                return false;
            }
            var m = t.getTextMatrix();
            double angle = Math.toDegrees(Math.atan2(m.getShearY(), m.getScaleX()));
            return Math.abs(angle) < 2.0;
        }
    }
}
