package org.plantrack.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.exchange.Csv;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.PlanState;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.store.InMemoryPlanStore;

/**
 * Progress reports from a CSV file, for {@link PlanTracker#importReports}. Columns (header row required, any
 * order, names case-insensitive): {@code plan,target,as_of,value} and optionally {@code mode,note,evidence,id}.
 *
 * <p>Every row is first checked with the tracker's own rules against a scratch copy of the plans in memory, so
 * every invalid row is found (not only the first) before anything is stored. Then either all rows are stored in
 * one batch (one audit event) or, when invalid rows may be skipped, the valid ones in batches of {@value #CHUNK}.
 */
final class CsvReportImport {
    static final List<String> REQUIRED = List.of("plan", "target", "as_of", "value");
    static final List<String> COLUMNS = List.of("plan", "target", "as_of", "value", "mode", "note", "evidence", "id");
    private static final Pattern POSITION = Pattern.compile("^reports\\[(\\d+)]\\.?(.*)$");
    static final int CHUNK = 500;
    /** The CSV column of a field of {@link ReportRequest} (by prefix; {@code evidence[2]} is the evidence column). */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("asOf", "as_of", "targetId", "target",
            "planId", "plan", "evidence", "evidence");

    private final PlanTracker tracker;
    private final Clock clock;
    private final Principal who;
    private final String name;
    private final String onlyPlan;
    private final ReportImport.Progress progress;

    CsvReportImport(PlanTracker tracker, Clock clock, Principal who, String name, String onlyPlan,
            ReportImport.Progress progress) {
        this.tracker = tracker;
        this.clock = clock;
        this.who = who;
        this.name = name;
        this.onlyPlan = onlyPlan;
        this.progress = progress == null ? ReportImport.Progress.NONE : progress;
    }

    /** A parsed row: its row number and the request. */
    private record Parsed(int row, ReportRequest request) {
    }

    ReportImport run(String text, boolean skipInvalid) {
        List<Csv.Row> rows = Csv.read(text, name);
        if (rows.isEmpty()) {
            throw new ValidationException(name, "an empty file", "a header row " + String.join(",", REQUIRED));
        }
        Map<String, Integer> columns = header(rows.get(0));
        int total = rows.size() - 1;
        List<ReportImport.RowError> errors = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Csv.Row row = rows.get(i);
            try {
                parsed.add(new Parsed(row.line(), request(row, columns)));
            } catch (RowProblem p) {
                errors.add(new ReportImport.RowError(row.line(), p.column, p.getMessage()));
            } catch (ValidationException e) {
                errors.add(rowError(row.line(), e));
            }
            progress.update(i, total * 2);
        }
        List<Parsed> valid = validate(parsed, errors);
        progress.update(total + total / 2, total * 2);
        errors.sort((a, b) -> Integer.compare(a.row(), b.row()));

        int stored = 0;
        if (errors.isEmpty() || skipInvalid) {
            if (skipInvalid) {
                for (int from = 0; from < valid.size(); from += CHUNK) {
                    List<Parsed> chunk = valid.subList(from, Math.min(valid.size(), from + CHUNK));
                    stored += store(chunk);
                    progress.update(total + total / 2 + (from + chunk.size()) * (total - total / 2) / valid.size(),
                            total * 2);
                }
            } else {
                stored = store(valid);
            }
        }
        progress.update(total * 2, total * 2);
        return new ReportImport(name, total, stored, !skipInvalid, errors);
    }

    private int store(List<Parsed> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<ReportRequest> qs = new ArrayList<>(batch.size());
        batch.forEach(p -> qs.add(p.request()));
        try {
            return tracker.reportAll(who, qs).size();
        } catch (ValidationException e) {
            Matcher m = POSITION.matcher(e.field());
            if (m.matches()) {
                ReportImport.RowError re = rowError(batch.get(Integer.parseInt(m.group(1))).row(), e);
                throw new ValidationException(name + " row " + re.row() + ": " + re.column(), e.value(),
                        e.expectation());
            }
            throw e;
        } catch (PlantrackException e) {
            throw new PlantrackException(e.code(), name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks every row with the real rules of {@link PlanTracker} against a scratch copy of the plans in memory,
     * so that every invalid row is found (not only the first) and nothing is stored yet.
     */
    private List<Parsed> validate(List<Parsed> parsed, List<ReportImport.RowError> errors) {
        List<Parsed> candidates = new ArrayList<>();
        try (PlanTracker scratch = PlanTracker.builder().store(InMemoryPlanStore.create()).clock(clock).build()) {
            Map<String, Plan> plans = new HashMap<>();
            Map<String, String> problem = new HashMap<>();
            for (Parsed p : parsed) {
                String planId = p.request().planId();
                String why = problem.computeIfAbsent(planId, id -> {
                    if (onlyPlan != null && !onlyPlan.equals(id)) {
                        return "the plan of this import '" + onlyPlan + "', found '" + id + "'";
                    }
                    try {
                        Plan plan = tracker.plan(who, id);
                        if (plan.state() != PlanState.ACTIVE) {
                            return "plan '" + id + "' is archived and takes no more reports";
                        }
                        scratch.createPlan(Principal.system(), plan);
                        plans.put(id, plan);
                        return "";
                    } catch (NotFoundException e) {
                        return e.getMessage();
                    }
                });
                String targetId = p.request().targetId();
                Plan plan = plans.get(planId);
                if (!why.isEmpty()) {
                    errors.add(new ReportImport.RowError(p.row(), "plan", why));
                } else if (who.role() == Role.REPORTER && plan.findTarget(targetId).isPresent()
                        && !who.covers(plan, targetId)) {
                    errors.add(new ReportImport.RowError(p.row(), "target", "a target of the units "
                            + new java.util.TreeSet<>(who.unitIds()) + ", found '" + targetId + "' of "
                            + plan.unitsOf(targetId)));
                } else {
                    candidates.add(p);
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

    private Map<String, Integer> header(Csv.Row row) {
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
    private static ReportImport.RowError rowError(int row, ValidationException e) {
        String field = e.field();
        Matcher m = POSITION.matcher(field);
        String f = m.matches() ? m.group(2) : field;
        if (f.startsWith("report.")) {
            f = f.substring("report.".length());
        }
        String column = f;
        for (Map.Entry<String, String> c : COLUMN_OF_FIELD.entrySet()) {
            if (f.startsWith(c.getKey())) {
                column = c.getValue();
                break;
            }
        }
        String msg = e.getMessage();
        String reason = msg.startsWith(field + ": ") ? msg.substring(field.length() + 2) : msg;
        return new ReportImport.RowError(row, column, reason);
    }
}
