package org.plantrack.adapter.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plantrack.adapter.cli.json.Shapes;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.access.Principal;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.store.InMemoryPlanStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plantrack progress import FILE.csv}: many reports from a CSV file. Columns (header row
 * required, any order): {@code plan,target,as_of,value} and optionally {@code mode,note,evidence,id}.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Record progress reports from a CSV file (UTF-8 with or without BOM, or GBK).",
            "Header row: plan,target,as_of,value[,mode][,note][,evidence][,id]; mode is add (default) or set;",
            "evidence holds links separated by spaces; id makes re-running the same file safe (a repeated id is refused)."})
final class ProgressImportCommand extends Base implements Callable<Integer> {

    static final List<String> REQUIRED = List.of("plan", "target", "as_of", "value");
    static final List<String> COLUMNS = List.of("plan", "target", "as_of", "value", "mode", "note", "evidence", "id");
    private static final Pattern POSITION = Pattern.compile("^reports\\[(\\d+)]\\.?(.*)$");
    private static final int CHUNK = 500;

    @Parameters(paramLabel = "FILE.csv", description = "The CSV file.")
    String file;

    @ArgGroup(exclusive = true)
    Policy policy = new Policy();

    static final class Policy {
        @Option(names = "--all-or-nothing", description = "Store every row or none (default).")
        boolean allOrNothing;

        @Option(names = "--skip-invalid", description = "Store the valid rows; report the invalid ones.")
        boolean skipInvalid;
    }

    @Option(names = "--format", paramLabel = "table|json", description = "Output format (default: table).")
    Format format = Format.table;

    /** A parsed row: its row number and the request. */
    private record Parsed(int row, ReportRequest request) {
    }

    @Override
    public Integer call() {
        boolean skip = policy != null && policy.skipInvalid;
        String name = file;
        Texts.Decoded text = Texts.read(resolve(file), file);
        List<Csv.Row> rows = Csv.read(text.text(), name);
        if (rows.isEmpty()) {
            throw new ValidationException(name, "an empty file", "a header row " + String.join(",", REQUIRED));
        }
        Map<String, Integer> columns = header(rows.get(0), name);
        ProgressBar bar = new ProgressBar(err(), root().env().stderrTerminal(), "progress import");
        int total = rows.size() - 1;

        List<Shapes.RowError> errors = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Csv.Row row = rows.get(i);
            try {
                parsed.add(new Parsed(row.line(), request(row, columns)));
            } catch (RowProblem p) {
                errors.add(new Shapes.RowError(row.line(), p.column, p.getMessage()));
            } catch (ValidationException e) {
                errors.add(rowError(row.line(), e));
            }
            bar.update(i, total * 2);
        }
        List<Parsed> valid = validate(parsed, errors);
        bar.update(total + total / 2, total * 2);
        errors.sort((a, b) -> Integer.compare(a.row(), b.row()));

        int stored = 0;
        if (errors.isEmpty() || skip) {
            if (skip) {
                for (int from = 0; from < valid.size(); from += CHUNK) {
                    List<Parsed> chunk = valid.subList(from, Math.min(valid.size(), from + CHUNK));
                    stored += store(chunk, name);
                    bar.update(total + total / 2 + (from + chunk.size()) * (total - total / 2) / valid.size(),
                            total * 2);
                }
            } else {
                stored = store(valid, name);
            }
        }
        bar.finish();

        for (Shapes.RowError e : errors) {
            err().println("plantrack: " + name + " row " + e.row() + ": " + e.field() + ": " + e.message());
        }
        if (format == Format.json) {
            out().print(Json.write(new Shapes.ProgressImport(name, total, stored, !skip, errors)));
        } else if (errors.isEmpty()) {
            out().println("Stored " + stored + " reports from " + name + " (" + text.encoding() + ").");
        } else if (skip) {
            out().println("Stored " + stored + " of " + total + " reports from " + name + "; skipped "
                    + errors.size() + " invalid rows.");
        }
        if (!errors.isEmpty() && !skip) {
            err().println("plantrack: " + name + ": nothing stored: " + errors.size() + " of " + total
                    + " rows are invalid (fix them, or use --skip-invalid to store the valid rows)");
        }
        return errors.isEmpty() ? ExitCode.OK : ExitCode.INPUT;
    }

    private int store(List<Parsed> batch, String name) {
        List<ReportRequest> qs = new ArrayList<>(batch.size());
        batch.forEach(p -> qs.add(p.request()));
        try {
            return tracker().reportAll(root().who(), qs).size();
        } catch (ValidationException e) {
            Matcher m = POSITION.matcher(e.field());
            if (m.matches()) {
                Shapes.RowError re = rowError(batch.get(Integer.parseInt(m.group(1))).row(), e);
                throw new ValidationException(name + " row " + re.row() + ": " + re.field(), e.value(),
                        e.expectation());
            }
            throw e;
        } catch (PlantrackException e) {
            throw new PlantrackException(e.code(), name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks every row with the real rules of {@link PlanTracker} against a scratch copy of the plans
     * in memory, so that every invalid row is found (not only the first) and nothing is stored yet.
     */
    private List<Parsed> validate(List<Parsed> parsed, List<Shapes.RowError> errors) {
        Principal who = root().who();
        InMemoryPlanStore scratchStore = InMemoryPlanStore.create();
        List<Parsed> candidates = new ArrayList<>();
        try (PlanTracker scratch = Trackers.build(scratchStore, root().env().clock())) {
            Map<String, String> problem = new HashMap<>();
            for (Parsed p : parsed) {
                String planId = p.request().planId();
                String why = problem.computeIfAbsent(planId, id -> {
                    try {
                        Plan plan = tracker().plan(who, id);
                        if (plan.state() != org.plantrack.core.model.PlanState.ACTIVE) {
                            return "plan '" + id + "' is archived and takes no more reports";
                        }
                        scratch.createPlan(who, plan);
                        return "";
                    } catch (NotFoundException e) {
                        return e.getMessage();
                    }
                });
                if (why.isEmpty()) {
                    candidates.add(p);
                } else {
                    errors.add(new Shapes.RowError(p.row(), "plan", why));
                }
            }
            while (!candidates.isEmpty()) {
                List<ReportRequest> qs = new ArrayList<>(candidates.size());
                candidates.forEach(p -> qs.add(p.request()));
                try {
                    scratch.reportAll(who, qs);
                    break;
                } catch (ValidationException e) {
                    Matcher m = POSITION.matcher(e.field());
                    if (!m.matches()) {
                        throw e;
                    }
                    int i = Integer.parseInt(m.group(1));
                    errors.add(rowError(candidates.get(i).row(), e));
                    candidates.remove(i);
                }
            }
        }
        return candidates;
    }

    private static Map<String, Integer> header(Csv.Row row, String name) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String c = row.cells().get(i).strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            if (c.equals("asof")) {
                c = "as_of";
            }
            if (!COLUMNS.contains(c)) {
                throw new ValidationException(name + " row " + row.line() + ": column " + (i + 1), row.cells().get(i),
                        "one of " + String.join(",", COLUMNS));
            }
            if (columns.put(c, i) != null) {
                throw new ValidationException(name + " row " + row.line() + ": column " + (i + 1), c,
                        "a column named only once");
            }
        }
        for (String r : REQUIRED) {
            if (!columns.containsKey(r)) {
                throw new ValidationException(name + " row " + row.line(), String.join(",", row.cells()),
                        "a header with the columns " + String.join(",", REQUIRED) + " (missing: " + r + ")");
            }
        }
        return columns;
    }

    /** A row that cannot be turned into a request, with the column to blame. */
    private static final class RowProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String column;

        RowProblem(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    private static ReportRequest request(Csv.Row row, Map<String, Integer> columns) {
        String plan = required(row, columns, "plan");
        String target = required(row, columns, "target");
        String asOfText = required(row, columns, "as_of");
        LocalDate asOf;
        try {
            asOf = LocalDate.parse(asOfText);
        } catch (DateTimeParseException e) {
            throw new RowProblem("as_of", "a date as YYYY-MM-DD (e.g. 2017-06-30), found '" + asOfText + "'");
        }
        String valueText = required(row, columns, "value");
        double value;
        try {
            value = Double.parseDouble(valueText);
        } catch (NumberFormatException e) {
            throw new RowProblem("value", "a number, found '" + valueText + "'");
        }
        String modeText = cell(row, columns, "mode");
        ReportMode mode = ReportMode.ADD;
        if (!modeText.isEmpty()) {
            switch (modeText.toLowerCase(Locale.ROOT)) {
                case "add":
                    mode = ReportMode.ADD;
                    break;
                case "set":
                    mode = ReportMode.SET;
                    break;
                default:
                    throw new RowProblem("mode", "add or set, found '" + modeText + "'");
            }
        }
        String note = cell(row, columns, "note");
        String evidence = cell(row, columns, "evidence");
        String id = cell(row, columns, "id");
        List<String> links = evidence.isEmpty() ? List.of() : Arrays.asList(evidence.split("\\s+"));
        return new ReportRequest(id.isEmpty() ? null : id, plan, target, asOf, value, mode,
                note.isEmpty() ? null : note, links);
    }

    private static String required(Csv.Row row, Map<String, Integer> columns, String column) {
        String v = cell(row, columns, column);
        if (v.isEmpty()) {
            throw new RowProblem(column, "a value, found nothing");
        }
        return v;
    }

    private static String cell(Csv.Row row, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        if (i == null || i >= row.cells().size()) {
            return "";
        }
        return row.cells().get(i).strip();
    }

    /** A core validation error of one row, under the CSV's column name. */
    static Shapes.RowError rowError(int row, ValidationException e) {
        String field = e.field();
        Matcher m = POSITION.matcher(field);
        String f = m.matches() ? m.group(2) : field;
        if (f.startsWith("report.")) {
            f = f.substring("report.".length());
        }
        String column;
        if (f.startsWith("asOf")) {
            column = "as_of";
        } else if (f.startsWith("targetId")) {
            column = "target";
        } else if (f.startsWith("planId")) {
            column = "plan";
        } else if (f.startsWith("evidence")) {
            column = "evidence";
        } else {
            column = f;
        }
        String msg = e.getMessage();
        String reason = msg.startsWith(field + ": ") ? msg.substring(field.length() + 2) : msg;
        return new Shapes.RowError(row, column, reason);
    }
}
