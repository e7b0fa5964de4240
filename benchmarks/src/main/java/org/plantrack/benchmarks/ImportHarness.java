package org.plantrack.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plantrack.core.importing.CanonicalText;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.importing.ImportResult;
import org.plantrack.core.importing.TextDecoder;
import org.plantrack.core.importing.WorkPlanTextImporter;

/**
 * Import throughput in bytes per second: the reference document (南科协〔2017〕12号, Traditional script
 * with pinyin annotations and mojibake) and 1,000 generated documents ({@link Portfolio#documentPlan}
 * rendered by {@link CanonicalText}), against a baseline in the same run.
 *
 * <p>Baseline: the least any importer must do — decode the bytes ({@link TextDecoder#decode}, the same
 * call the importer's callers make), split the text into lines, and run one regular expression (an
 * Arabic or Chinese number followed by a measure word) over the whole text, counting matches. Plantrack:
 * the same decoding plus {@link WorkPlanTextImporter#read} (normalisation, header, sections, tasks,
 * targets, deadlines, warnings). Rounds alternate baseline and Plantrack; medians are printed.
 *
 * <pre>java -cp ... org.plantrack.benchmarks.ImportHarness [rounds] [documents]</pre>
 */
public final class ImportHarness {
    static final Pattern NUMBER_MEASURE = Pattern.compile(
            "([0-9０-９]+|[一二两三四五六七八九十百千万]+)\\s*(名|家|场|場|批次|辆|輛|个|個|套|项|項|期|次|人次|万元|%)");

    private ImportHarness() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Stats.banner("import (bytes/s)");
        byte[] reference;
        try (InputStream in = ImportHarness.class.getResourceAsStream("nanping-cast-2017-workplan.txt")) {
            reference = in.readAllBytes();
        }
        Random rnd = new Random(2017);
        List<byte[]> generated = new ArrayList<>(documents);
        long generatedBytes = 0;
        for (int i = 0; i < documents; i++) {
            byte[] b = CanonicalText.render(Portfolio.documentPlan(rnd, i)).getBytes(StandardCharsets.UTF_8);
            generated.add(b);
            generatedBytes += b.length;
        }
        ImportResult check = WorkPlanTextImporter.create().read(TextDecoder.decode(generated.get(0)).text(),
                ImportOptions.defaults());
        ImportResult refCheck = WorkPlanTextImporter.create().read(TextDecoder.decode(reference).text(),
                ImportOptions.defaults());
        System.out.printf("reference document: %,d bytes, %d targets, %d warnings; generated: %,d documents, %,d bytes"
                + " (first: %d targets)%n", reference.length, refCheck.plan().targets().size(),
                refCheck.warnings().size(), documents, generatedBytes, check.plan().targets().size());

        // the reference document is small (about 11 KB): repeat it so that a round lasts long enough to time
        int refRepeats = Math.max(1, (int) (generatedBytes / reference.length / 4));
        List<byte[]> refSet = new ArrayList<>();
        for (int i = 0; i < refRepeats; i++) {
            refSet.add(reference);
        }
        long refBytes = (long) refRepeats * reference.length;
        WorkPlanTextImporter importer = WorkPlanTextImporter.create();
        double[][] t = new double[4][rounds];
        long sink = 0;
        int warmup = 3;
        for (int r = -warmup; r < rounds; r++) {
            double[] one = new double[4];
            long s = System.nanoTime();
            sink += baseline(refSet);
            one[0] = (System.nanoTime() - s) / 1e9;
            s = System.nanoTime();
            sink += plantrack(importer, refSet);
            one[1] = (System.nanoTime() - s) / 1e9;
            s = System.nanoTime();
            sink += baseline(generated);
            one[2] = (System.nanoTime() - s) / 1e9;
            s = System.nanoTime();
            sink += plantrack(importer, generated);
            one[3] = (System.nanoTime() - s) / 1e9;
            if (r >= 0) {
                for (int k = 0; k < 4; k++) {
                    t[k][r] = one[k];
                }
            }
        }
        double rb = Stats.median(t[0]);
        double rp = Stats.median(t[1]);
        double gb = Stats.median(t[2]);
        double gp = Stats.median(t[3]);
        System.out.printf("%-58s %10s %14s %12s %8s%n", "figure (median of " + rounds + " interleaved rounds)",
                "s/round", "MB/s", "docs/s", "vs base");
        row("reference x" + refRepeats + ": baseline (decode+lines+1 regex)", rb, refBytes, refRepeats, Double.NaN);
        row("reference x" + refRepeats + ": Plantrack import", rp, refBytes, refRepeats, rb / rp);
        row(documents + " generated: baseline (decode+lines+1 regex)", gb, generatedBytes, documents, Double.NaN);
        row(documents + " generated: Plantrack import", gp, generatedBytes, documents, gb / gp);
        System.out.printf("checksum %d; load average after: %s%n", sink, Stats.load());
    }

    private static void row(String name, double seconds, long bytes, int docs, double ratio) {
        System.out.printf("%-58s %10.4f %14.2f %12.0f %8s%n", name, seconds, bytes / seconds / 1e6, docs / seconds,
                Double.isNaN(ratio) ? "1.00" : String.format("%.3f", ratio));
    }

    static long baseline(List<byte[]> docs) {
        long n = 0;
        for (byte[] b : docs) {
            String text = TextDecoder.decode(b).text();
            String[] lines = text.split("\r?\n", -1);
            n += lines.length;
            Matcher m = NUMBER_MEASURE.matcher(text);
            while (m.find()) {
                n++;
            }
        }
        return n;
    }

    static long plantrack(WorkPlanTextImporter importer, List<byte[]> docs) {
        long n = 0;
        for (byte[] b : docs) {
            ImportResult r = importer.read(TextDecoder.decode(b).text(), ImportOptions.defaults());
            n += r.plan().targets().size() + r.warnings().size();
        }
        return n;
    }
}
