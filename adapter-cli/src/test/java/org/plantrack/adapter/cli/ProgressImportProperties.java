package org.plantrack.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.ReportQuery;

/**
 * Arbitrary bytes and mangled CSV into {@code plantrack progress import}: the answer is always an exit
 * code with one-line errors (never a stack trace), and a refused file stores nothing.
 */
class ProgressImportProperties {
    private static final List<String> FRAGMENTS = List.of("plan,target,as_of,value,mode,note,evidence\n",
            "np-test", "1.1.2", "2.1.1", "9.9.9", "2017-03-31", "2017/04/01", "2018-01-01", "50", "-3", "1e309",
            "NaN", "abc", "set", "add", "maybe", ",", ",", "\n", "\r\n", "\"", "\"\"", "延平区", "\uFEFF", "\u0000",
            "\u202E", "'; DROP TABLE plantrack_report; --", "../../etc/passwd", " ", "\t");

    @Provide
    Arbitrary<byte[]> csvLike() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(60)
                .map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    }

    @Property(tries = 150)
    void mangledCsvGetsAnExitCodeAndOneLineErrors(@ForAll("csvLike") byte[] content) throws Exception {
        check(content);
    }

    @Property(tries = 100)
    void arbitraryBytesGetAnExitCodeAndOneLineErrors(@ForAll("anyBytes") byte[] content) throws Exception {
        check(content);
    }

    private static void check(byte[] content) throws Exception {
        Path dir = Files.createTempDirectory("plantrack-csv");
        InMemoryPlanStore store = InMemoryPlanStore.create();
        Cli.seed(store);
        long before = store.countReports(ReportQuery.plan("np-test"));
        Files.write(dir.resolve("in.csv"), content);
        Cli.Result r = new Cli(store, dir).run("progress", "import", "in.csv");
        assertThat(r.exit()).as(r.err()).isIn(ExitCode.OK, ExitCode.INPUT, ExitCode.NOT_FOUND, ExitCode.CONFLICT);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        for (String line : r.err().lines().toList()) {
            assertThat(line).startsWith("plantrack: ");
        }
        if (r.exit() != ExitCode.OK) {
            assertThat(store.countReports(ReportQuery.plan("np-test"))).isEqualTo(before);
        }
    }
}
