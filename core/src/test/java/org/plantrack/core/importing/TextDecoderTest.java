package org.plantrack.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static final String SAMPLE = "南平市科协2017年工作要点\n一、加强党建\n1.培训200名干部。\n";

    @Test
    void utf8WithoutBom() {
        DecodedText d = TextDecoder.decode(SAMPLE.getBytes(StandardCharsets.UTF_8));
        assertThat(d.text()).isEqualTo(SAMPLE);
        assertThat(d.charset()).isEqualTo("UTF-8");
        assertThat(d.bom()).isFalse();
    }

    @Test
    void utf8WithBom() {
        byte[] body = SAMPLE.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        DecodedText d = TextDecoder.decode(bytes);
        assertThat(d.text()).isEqualTo(SAMPLE);
        assertThat(d.charset()).isEqualTo("UTF-8");
        assertThat(d.bom()).isTrue();
    }

    @Test
    void utf16WithBom() {
        // Java's UTF-16 encoder writes a big-endian BOM.
        DecodedText be = TextDecoder.decode(SAMPLE.getBytes(StandardCharsets.UTF_16));
        assertThat(be.text()).isEqualTo(SAMPLE);
        assertThat(be.charset()).isEqualTo("UTF-16BE");
        assertThat(be.bom()).isTrue();

        byte[] body = SAMPLE.getBytes(StandardCharsets.UTF_16LE);
        byte[] le = new byte[body.length + 2];
        le[0] = (byte) 0xFF;
        le[1] = (byte) 0xFE;
        System.arraycopy(body, 0, le, 2, body.length);
        DecodedText d = TextDecoder.decode(le);
        assertThat(d.text()).isEqualTo(SAMPLE);
        assertThat(d.charset()).isEqualTo("UTF-16LE");
        assertThat(d.bom()).isTrue();
    }

    @Test
    void gbkBytesAreReadAsGb18030() {
        byte[] gbk = SAMPLE.getBytes(Charset.forName("GBK"));
        DecodedText d = TextDecoder.decode(gbk);
        assertThat(d.charset()).isEqualTo("GB18030");
        assertThat(d.text()).isEqualTo(SAMPLE);
        assertThat(d.bom()).isFalse();
    }

    @Test
    void referencePlanInGb18030RoundTripsAndImportsTheSame() {
        String text = TestDocs.reference();
        DecodedText d = TextDecoder.decode(text.getBytes(Charset.forName("GB18030")));
        assertThat(d.charset()).isEqualTo("GB18030");
        assertThat(d.text()).isEqualTo(text);
        assertThat(TestDocs.shape(TestDocs.read(d.text()).plan())).isEqualTo(TestDocs.shape(TestDocs.read(text).plan()));
    }

    @Test
    void referencePlanInUtf8StaysUtf8() {
        String text = TestDocs.reference();
        DecodedText d = TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8));
        assertThat(d.charset()).isEqualTo("UTF-8");
        assertThat(d.text()).isEqualTo(text);
    }

    @Test
    void emptyBytes() {
        assertThat(TextDecoder.decode(new byte[0])).isEqualTo(new DecodedText("", "UTF-8", false));
        assertThat(TextDecoder.decode(null).text()).isEmpty();
    }
}
