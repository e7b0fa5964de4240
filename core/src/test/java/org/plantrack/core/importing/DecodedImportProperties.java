package org.plantrack.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.plantrack.core.error.ValidationException;

/**
 * Arbitrary bytes through {@link TextDecoder} and {@link WorkPlanTextImporter}, as an upload reaches them:
 * the result is a plan with warnings or a {@link ValidationException}, never another exception.
 */
class DecodedImportProperties {

    @Provide
    Arbitrary<byte[]> upload() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(4000);
        Arbitrary<byte[]> withBom = random.map(b -> {
            byte[][] boms = {{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFF, (byte) 0xFE},
                    {(byte) 0xFE, (byte) 0xFF}, {0, 0, (byte) 0xFE, (byte) 0xFF}};
            byte[] bom = boms[Math.floorMod(b.length, boms.length)];
            byte[] out = new byte[bom.length + b.length];
            System.arraycopy(bom, 0, out, 0, bom.length);
            System.arraycopy(b, 0, out, bom.length, b.length);
            return out;
        });
        Arbitrary<byte[]> planText = Arbitraries.of("一、夯实基础\n1.培训企业工程师200名。\n", "南科協〔2017〕12號\n二、（一）举办10场讲座。",
                "\u202E一、\u0000\u001b[2J 2?0名", "'; DROP TABLE plantrack_plan; --\n一、x\n1.y。")
                .flatMap(s -> Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                        StandardCharsets.UTF_16BE, Charset.forName("GB18030"), StandardCharsets.ISO_8859_1)
                        .map(s::getBytes));
        Arbitrary<byte[]> mutated = planText.flatMap(b -> Arbitraries.integers().between(0, Math.max(0, b.length - 1))
                .map(i -> {
                    byte[] c = b.clone();
                    if (c.length > 0) {
                        c[i] ^= (byte) 0xA5;
                    }
                    return c;
                }));
        return Arbitraries.oneOf(random, withBom, planText, mutated);
    }

    @Property(tries = 1000)
    void arbitraryBytesGiveAPlanWithWarningsOrAValidationException(@ForAll("upload") byte[] bytes) {
        try {
            // bytes that are no text (a zip or PDF signature, mostly control bytes) are refused by the decoder
            DecodedText text = TextDecoder.decode(bytes);
            assertThat(text.charset()).isNotBlank();
            ImportResult r = WorkPlanTextImporter.create().read(text.text(), ImportOptions.defaults());
            assertThat(r.plan()).isNotNull();
            assertThat(r.warnings()).isNotNull();
        } catch (ValidationException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
