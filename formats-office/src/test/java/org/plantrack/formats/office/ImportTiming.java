package org.plantrack.formats.office;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.plantrack.core.importing.*;

/**
 * The cost of reading a 51-page plan from Word and from PDF against reading the same text: the reference plan's
 * sections repeated 13 times (234 tasks, 195 targets), made into a .docx and a .pdf as the tests make them, each
 * read 10 times after 3 warm-up rounds, in one JVM. Not a test (surefire runs *Test classes only); run it with
 * <pre>
 * mvn -q -pl formats-office -am install -DskipTests
 * mvn -q -pl formats-office dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp formats-office/target/test-classes:formats-office/target/classes:$(cat /tmp/cp.txt) \
 *     org.plantrack.formats.office.ImportTiming
 * </pre>
 */
public final class ImportTiming {
    private ImportTiming() {
    }

    /** Prints the page count, the sizes and the mean milliseconds of each format. */
    public static void main(String[] a) throws Exception {
        String ref = Documents.reference();
        List<String> lines = List.of(ref.split("\n"));
        int first = 0;
        while (!lines.get(first).startsWith("一、")) first++;
        int last = lines.size() - 2;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < first; i++) b.append(lines.get(i)).append('\n');
        int n = 0;
        for (int k = 0; k < 13; k++) {
            for (int i = first; i < last; i++) {
                String l = lines.get(i);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[一二三四五六七八九十]+、(.*)").matcher(l);
                b.append(m.matches() ? Numbers.chinese(++n) + "、" + m.group(1) : l).append('\n');
            }
        }
        for (int i = last; i < lines.size(); i++) b.append(lines.get(i)).append('\n');
        String text = b.toString();
        byte[] txt = text.getBytes(StandardCharsets.UTF_8);
        byte[] docx = Documents.docx(text);
        byte[] pdf = Documents.pdf(text, Documents.cjkFont(), Documents.Print.office());
        PdfPlanImporter pi = new PdfPlanImporter();
        DocxPlanImporter di = new DocxPlanImporter();
        PlanImporter ti = WorkPlanTextImporter.create();
        System.out.println("pages: " + pi.extract(pdf).readAs() + ", bytes txt " + txt.length + " docx " + docx.length + " pdf " + pdf.length);
        for (int round = 0; round < 2; round++) {
            long[] t = new long[3];
            int reps = round == 0 ? 3 : 10;
            ImportResult r = null;
            for (int i = 0; i < reps; i++) {
                long s0 = System.nanoTime(); r = ti.read(TextDecoder.decode(txt).text(), ImportOptions.defaults());
                long s1 = System.nanoTime(); ImportResult rd = ti.read(di.extract(docx).text(), ImportOptions.defaults());
                long s2 = System.nanoTime(); ImportResult rp = ti.read(pi.extract(pdf).text(), ImportOptions.defaults());
                long s3 = System.nanoTime();
                t[0] += s1 - s0; t[1] += s2 - s1; t[2] += s3 - s2;
                if (rd.plan().tasks().size() != r.plan().tasks().size() || rp.plan().tasks().size() != r.plan().tasks().size()) throw new AssertionError("differ");
            }
            if (round == 1) System.out.printf("tasks %d targets %d; mean ms: text %.1f docx %.1f pdf %.1f%n", r.plan().tasks().size(), r.plan().targets().size(), t[0] / 1e6 / reps, t[1] / 1e6 / reps, t[2] / 1e6 / reps);
        }
    }
}
