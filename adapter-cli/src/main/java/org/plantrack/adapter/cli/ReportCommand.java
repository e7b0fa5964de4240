package org.plantrack.adapter.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Preset;
import org.plantrack.core.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plantrack report PLAN --format md|html|csv}: the status report, rendered by core. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a plan's status report as Markdown, HTML or CSV.",
            "CSV starts with a UTF-8 byte-order mark so that Excel shows Chinese text correctly."})
final class ReportCommand extends ReadingCommand {
    @Option(names = "--format", required = true, paramLabel = "md|html|csv", description = "The report format.")
    String format;


    @Option(names = "--preset", paramLabel = "default|cn-supervision", description = "Evaluate under this preset.")
    String preset;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    String output;

    @Override
    public Integer call() {
        ReportFormat f = ReportFormat.parse(format);
        Plan plan = tracker().plan(root().who(), planId);
        LocalDate date = asOf != null ? asOf : defaultAsOf(plan);
        byte[] bytes = tracker().renderReport(root().who(), planId, date,
                preset == null ? null : Preset.of("--preset", preset), f, root().locale());
        write(bytes, output);
        return ExitCode.OK;
    }

    /** Writes bytes to a file (then says so on stderr) or to standard output. */
    void write(byte[] bytes, String file) {
        if (file == null || file.equals("-")) {
            out().print(new String(bytes, StandardCharsets.UTF_8));
            return;
        }
        Path p = resolve(file);
        try {
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new ValidationException("-o", file, "a writable file (" + e.getMessage() + ")");
        }
        err().println("plantrack: wrote " + file + " (" + bytes.length + " bytes)");
    }
}
