package org.plantrack.adapter.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Preset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code plantrack report PLAN --format md|html|csv|xlsx}: the status report, rendered by core (or, for xlsx, by the
 * office formats' renderer that installPlugins() finds).
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a plan's status report: md, html, csv, xlsx or docx.",
            "CSV starts with a UTF-8 byte-order mark so that Excel shows Chinese text correctly.",
            "xlsx (the Excel 台账) and docx (Word) are binary files: write them with -o FILE."})
final class ReportCommand extends ReadingCommand {
    @Option(names = "--format", required = true, paramLabel = "md|html|csv|xlsx|docx", description = "The report format.")
    String format;


    @Option(names = "--preset", paramLabel = "default|cn-supervision", description = "Evaluate under this preset.")
    String preset;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    String output;

    @Override
    public Integer call() {
        String name = format.trim().toLowerCase(java.util.Locale.ROOT);
        boolean binary = tracker().reportRenderers().stream().anyMatch(r -> r.format().equals(name));
        if (!binary) {
            try {
                org.plantrack.core.report.ReportFormat.parse(format); // refused before the plan is read
            } catch (ValidationException unknown) {
                List<String> all = new java.util.ArrayList<>(List.of("md", "html", "csv"));
                tracker().reportRenderers().forEach(r -> all.add(r.format()));
                throw new ValidationException("format", format, "one of " + String.join(", ", all));
            }
        } else if (output == null || output.equals("-")) {
            throw new ValidationException("-o", output, "a file to write the " + name + " report to (-o report." + name
                    + "): it is a binary file, not text for the terminal");
        }
        Plan plan = tracker().plan(root().who(), planId);
        LocalDate date = asOf != null ? asOf : defaultAsOf(plan);
        byte[] bytes = tracker().renderReport(root().who(), planId, date,
                preset == null ? null : Preset.of("--preset", preset), name, root().locale());
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
