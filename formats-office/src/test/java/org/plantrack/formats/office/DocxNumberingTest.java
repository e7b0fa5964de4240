package org.plantrack.formats.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Word's automatic numbering written out as Word shows it: levels restart under their parent, a list restarted
 * with a start override counts again, numbering inherited from a heading style counts, （一） and ① and bare
 * numbers get their punctuation, bullets give no number; a manual line break joins its paragraph's parts.
 */
class DocxNumberingTest {

    @Test
    void numbersAreWrittenOutAsWordShowsThem() throws Exception {
        byte[] docx;
        try (XWPFDocument d = new XWPFDocument()) {
            XWPFNumbering numbering = d.createNumbering();
            CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
            abs.setAbstractNumId(BigInteger.ZERO);
            Documents.level(abs, 0, STNumberFormat.CHINESE_COUNTING, "%1、");
            Documents.level(abs, 1, STNumberFormat.CHINESE_COUNTING, "（%2）");
            Documents.level(abs, 2, STNumberFormat.DECIMAL, "%3");
            Documents.level(abs, 3, STNumberFormat.DECIMAL_ENCLOSED_CIRCLE, "%4");
            Documents.level(abs, 4, STNumberFormat.BULLET, "•");
            BigInteger absId = numbering.addAbstractNum(new XWPFAbstractNum(abs, numbering));
            BigInteger num = numbering.addNum(absId);
            // a second instance of the list that restarts level 0 at 7
            BigInteger restart = numbering.addNum(absId);
            CTNumLvl o = numbering.getNum(restart).getCTNum().addNewLvlOverride();
            o.setIlvl(BigInteger.ZERO);
            o.addNewStartOverride().setVal(BigInteger.valueOf(7));

            // a heading style numbered at level 0 of the list
            XWPFStyles styles = d.createStyles();
            CTStyle h = CTStyle.Factory.newInstance();
            h.setStyleId("Heading1");
            h.setType(STStyleType.PARAGRAPH);
            h.addNewName().setVal("heading 1");
            CTNumPr np = h.addNewPPr().addNewNumPr();
            np.addNewNumId().setVal(num);
            np.addNewIlvl().setVal(BigInteger.ZERO);
            styles.addStyle(new XWPFStyle(h, styles));

            para(d, null, 0, "标题").setStyle("Heading1");         // 一、 from the style
            para(d, num, 1, "第一项");                            // （一）
            para(d, num, 2, "子项");                              // 1.
            para(d, num, 2, "子项");                              // 2.
            para(d, num, 3, "圈号");                              // ①
            para(d, num, 4, "要点");                              // bullet: no number
            para(d, num, 1, "第二项");                            // （二）
            para(d, num, 2, "又一子项");                          // 1. again
            para(d, num, 0, "第二部分");                          // 二、
            para(d, num, 1, "新的一项");                          // （一） again
            para(d, restart, 0, "重新编号");                      // 七、
            XWPFParagraph br = d.createParagraph();
            br.createRun().setText("南平市科协");
            br.getRuns().get(0).addBreak();
            br.createRun().setText("2017年工作要点");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.write(out);
            docx = out.toByteArray();
        }
        assertThat(DocxText.extract(docx)).isEqualTo(String.join("\n", "一、标题", "（一）第一项", "1.子项", "2.子项", "①圈号",
                "要点", "（二）第二项", "1.又一子项", "二、第二部分", "（一）新的一项", "七、重新编号", "南平市科协2017年工作要点"));
    }

    private static XWPFParagraph para(XWPFDocument d, BigInteger num, int ilvl, String text) {
        XWPFParagraph p = d.createParagraph();
        if (num != null) {
            p.setNumID(num);
            p.setNumILvl(BigInteger.valueOf(ilvl));
        }
        p.createRun().setText(text);
        return p;
    }
}
