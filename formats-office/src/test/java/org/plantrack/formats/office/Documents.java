package org.plantrack.formats.office;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Assumptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * Makes the test documents from text, as an office would: a Word file with automatic numbering (sections
 * {@code 一、}, tasks {@code 1.} restarting in each section) and a page header and footer; a PDF printed on A4 with
 * a CJK font, paragraphs indented and wrapped, a header and a page number on every page, and a round stamp.
 */
final class Documents {
    static final String REFERENCE = "nanping-cast-2017-workplan.txt";
    private static final Pattern SECTION = Pattern.compile("^([一二三四五六七八九十]+)、(.*)$");
    private static final Pattern TASK = Pattern.compile("^(\\d{1,2})\\.(.*)$");

    private Documents() {
    }

    /** The reference plan (南科协〔2017〕12号): the shared copy beside the repository, else core's test copy. */
    static String reference() {
        for (String p : List.of("../../shared/examples-data/" + REFERENCE, "/work/shared/examples-data/" + REFERENCE,
                "../core/src/test/resources/org/plantrack/core/importing/" + REFERENCE)) {
            Path path = Path.of(p);
            if (Files.isRegularFile(path)) {
                try {
                    return Files.readString(path, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("the reference plan " + REFERENCE + " was not found");
    }

    // ---------------------------------------------------------------- Word

    /** The text as a .docx: numbered lines become automatically numbered paragraphs (the numbers are not typed). */
    static byte[] docx(String text) {
        try (XWPFDocument d = new XWPFDocument()) {
            d.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("南平市科学技术协会文件（页眉）");
            d.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("— 1 —");
            XWPFNumbering numbering = d.createNumbering();
            CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
            abs.setAbstractNumId(BigInteger.ZERO);
            level(abs, 0, STNumberFormat.CHINESE_COUNTING, "%1、");
            level(abs, 1, STNumberFormat.DECIMAL, "%2.");
            BigInteger absId = numbering.addAbstractNum(new XWPFAbstractNum(abs, numbering));
            BigInteger numId = numbering.addNum(absId);
            for (String line : text.split("\r?\n")) {
                XWPFParagraph p = d.createParagraph();
                Matcher s = SECTION.matcher(line);
                Matcher t = TASK.matcher(line);
                if (s.matches()) {
                    p.setNumID(numId);
                    p.setNumILvl(BigInteger.ZERO);
                    p.createRun().setText(s.group(2));
                } else if (t.matches()) {
                    p.setNumID(numId);
                    p.setNumILvl(BigInteger.ONE);
                    p.createRun().setText(t.group(2));
                } else {
                    p.createRun().setText(line);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CTLvl level(CTAbstractNum abs, int ilvl, STNumberFormat.Enum fmt, String text) {
        CTLvl l = abs.addNewLvl();
        l.setIlvl(BigInteger.valueOf(ilvl));
        l.addNewStart().setVal(BigInteger.ONE);
        l.addNewNumFmt().setVal(fmt);
        l.addNewLvlText().setVal(text);
        return l;
    }

    // ---------------------------------------------------------------- PDF

    /**
     * A CJK TrueType font installed on this machine (fonts-wqy-microhei, which .ci/browser-setup installs, or
     * another), or the test is skipped — except on CI, where a missing font fails it.
     */
    static File cjkFont() {
        List<String> candidates = new ArrayList<>(List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
                "/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/truetype/arphic/ukai.ttc"));
        for (String c : candidates) {
            if (new File(c).isFile()) {
                return new File(c);
            }
        }
        // else any TrueType Chinese font fontconfig knows
        try {
            Process p = new ProcessBuilder("fc-list", ":lang=zh", "file").redirectErrorStream(true).start();
            for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String f = line.replaceAll(":\\s*$", "").strip();
                if ((f.endsWith(".ttf") || f.endsWith(".ttc")) && new File(f).isFile()) {
                    return new File(f);
                }
            }
        } catch (IOException noFontconfig) {
            // no fc-list: only the paths above
        }
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isEmpty();
        if (ci) {
            throw new IllegalStateException("no CJK TrueType font on this machine: .ci/browser-setup installs "
                    + "fonts-wqy-microhei");
        }
        Assumptions.assumeTrue(false, "no CJK TrueType font (apt-get install fonts-wqy-microhei)");
        return null;
    }

    private static PDType0Font load(PDDocument doc, File file) throws IOException {
        if (file.getName().endsWith(".ttc")) {
            TrueTypeCollection ttc = new TrueTypeCollection(file);
            TrueTypeFont[] first = new TrueTypeFont[1];
            ttc.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            return PDType0Font.load(doc, first[0], true);
        }
        return PDType0Font.load(doc, file);
    }

    /** How a PDF is printed. */
    record Print(boolean header, boolean pageNumbers, boolean stamp, float fontSize) {
        static Print office() {
            return new Print(true, true, true, 12f);
        }
    }

    /** The text printed to A4 as the class comment says. */
    static byte[] pdf(String text, File font, Print print) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font f = load(doc, font);
            float size = print.fontSize();
            float leading = size * 1.6f;
            PDRectangle a4 = PDRectangle.A4;
            float left = 72;
            float right = a4.getWidth() - 72;
            float top = a4.getHeight() - 110;
            float bottom = 90;
            List<String> lines = List.of(text.split("\r?\n"));
            int firstSection = 0;
            while (firstSection < lines.size() && !SECTION.matcher(lines.get(firstSection)).matches()) {
                firstSection++;
            }
            Pages pages = new Pages(doc, f, size, print);
            float y = top;
            pages.next();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                boolean closing = i >= lines.size() - 2;
                boolean centred = i < firstSection && !line.endsWith(":") && !line.endsWith("：")
                        && width(f, size, line) < (right - left) * 0.8f && !line.startsWith("现将") && !line.startsWith("2017年市科协");
                List<String> wrapped = wrap(f, size, line, right - left, centred || closing ? 0 : 2 * size);
                for (int k = 0; k < wrapped.size(); k++) {
                    if (y < bottom) {
                        pages.next();
                        y = top;
                    }
                    String w = wrapped.get(k);
                    float x;
                    if (centred) {
                        x = left + (right - left - width(f, size, w)) / 2;
                    } else if (closing) {
                        x = right - width(f, size, w);
                    } else {
                        x = left + (k == 0 ? 2 * size : 0);
                    }
                    pages.text(w, x, y);
                    y -= leading;
                }
            }
            if (print.stamp()) {
                pages.stamp("南平市科学技术协会", right - 80, y + 3 * leading, 40);
            }
            pages.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float width(PDType0Font f, float size, String s) throws IOException {
        return f.getStringWidth(s) / 1000f * size;
    }

    private static List<String> wrap(PDType0Font f, float size, String line, float width, float indent)
            throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        float avail = width - indent;
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (width(f, size, cur + ch) > avail && cur.length() > 0) {
                out.add(cur.toString());
                cur.setLength(0);
                avail = width;
            }
            cur.append(ch);
            i += ch.length();
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Pages of a PDF being printed: a header and a page number on each. */
    private static final class Pages {
        private final PDDocument doc;
        private final PDType0Font font;
        private final float size;
        private final Print print;
        private PDPageContentStream cs;
        private int number;

        Pages(PDDocument doc, PDType0Font font, float size, Print print) {
            this.doc = doc;
            this.font = font;
            this.size = size;
            this.print = print;
        }

        void next() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            number++;
            float w = PDRectangle.A4.getWidth();
            if (print.header()) {
                String h = "南平市科学技术协会";
                text(h, (w - width(font, 10, h)) / 2, PDRectangle.A4.getHeight() - 45, 10);
            }
            if (print.pageNumbers()) {
                String n = "— " + number + " —";
                text(n, (w - width(font, 10, n)) / 2, 40, 10);
            }
        }

        void text(String s, float x, float y) throws IOException {
            text(s, x, y, size);
        }

        void text(String s, float x, float y, float fontSize) throws IOException {
            cs.beginText();
            cs.setFont(font, fontSize);
            cs.newLineAtOffset(x, y);
            cs.showText(s);
            cs.endText();
        }

        /** The round red stamp's text: each character turned along the circle. */
        void stamp(String s, float cx, float cy, float r) throws IOException {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                double a = Math.toRadians(163 - i * (140.0 / (n - 1)));
                float x = cx + (float) (r * Math.cos(a));
                float y = cy + (float) (r * Math.sin(a));
                cs.beginText();
                cs.setFont(font, 9);
                cs.setTextMatrix(Matrix.getRotateInstance(a - Math.PI / 2, x, y));
                cs.showText(String.valueOf(s.charAt(i)));
                cs.endText();
            }
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }
    }
}
