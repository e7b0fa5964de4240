package org.plantrack.adapter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.plantrack.core.access.Principal;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.supervision.Evidence;
import org.plantrack.core.supervision.EvidenceCheck;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.Figure;
import org.plantrack.core.supervision.ReportingPeriod;
import org.plantrack.core.supervision.SelfAssessment;
import org.plantrack.core.supervision.SupervisionSettings;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskReportRequest;
import org.plantrack.core.supervision.TaskState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plantrack task report PLAN TASK --progress T …}: a progress report (进展报告) on a task for a period. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Submit a progress report (进展报告) on a task for a reporting period: 进展情况 (--progress),",
            "存在问题 (--problems), 下步计划 (--next), the unit's own judgement, figures for the task's targets and",
            "evidence (links, or files that are checked by their bytes and stored). A second report of the unit for",
            "the same period replaces the first. With --unit on a plan whose reports need review it waits for review."})
final class TaskReportCommand extends Supervising implements Callable<Integer> {
    @Parameters(index = "1", paramLabel = "TASK", description = "The task id.")
    String taskId;

    @Option(names = "--progress", paramLabel = "TEXT", required = true, description = "进展情况: what was done.")
    String progress;

    @Option(names = "--problems", paramLabel = "TEXT", description = "存在问题: problems met.")
    String problems;

    @Option(names = "--next", paramLabel = "TEXT", description = "下步计划: the next steps.")
    String next;

    @Option(names = "--state", paramLabel = "STATE",
            description = "on-schedule (按计划推进, default), behind (滞后) or done (已完成).")
    String state = "on-schedule";

    @Option(names = "--period", paramLabel = "KEY",
            description = "The reporting period, e.g. 2017-Q2 or 2017-05 (default: the one today falls in).")
    String period;

    @Option(names = "--unit", paramLabel = "U",
            description = "Report for this unit, as its reporter (default: the operator as admin, for the lead unit;"
                    + " an admin's report needs no review).")
    String unit;

    @Option(names = "--figure", paramLabel = "TARGET=VALUE",
            description = "A figure for one of the task's targets: TARGET=VALUE (the total now) or TARGET+=VALUE"
                    + " (this much more); repeatable.")
    List<String> figures = new ArrayList<>();

    @Option(names = "--evidence", paramLabel = "URL|PATH",
            description = "A link (https://…), or a file to upload (PDF, image, Office document, plain text; at most"
                    + " 10 MB); repeatable.")
    List<String> evidence = new ArrayList<>();

    private static final Map<String, String> OPTIONS = Map.ofEntries(Map.entry("taskReport.progress", "--progress"),
            Map.entry("taskReport.problems", "--problems"), Map.entry("taskReport.nextSteps", "--next"),
            Map.entry("taskReport.period", "--period"), Map.entry("taskReport.unitId", "--unit"),
            Map.entry("taskReport.figures", "--figure"), Map.entry("figure", "--figure"),
            Map.entry("taskReport.evidence", "--evidence"), Map.entry("evidence", "--evidence"));

    @Override
    public Integer call() {
        // everything that can be checked without writing is checked first, so that a refused report leaves no
        // uploaded file behind (core stores an evidence file and its report in two writes)
        if (progress == null || progress.isBlank()) {
            throw new ValidationException("--progress", progress, "what was done this period (进展情况不能为空)");
        }
        SelfAssessment assessment = assessment(state);
        Principal who = actor(unit);
        Plan plan = tracker().plan(root().who(), planId);
        Task task = plan.findTask(taskId).orElseThrow(() ->
                new org.plantrack.core.error.NotFoundException("task", taskId, "in plan " + planId));
        List<Figure> figs = new ArrayList<>();
        for (String f : figures) {
            figs.add(figure(task, f));
        }
        List<Evidence> links = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String e : evidence) {
            Path p = resolve(e);
            if (Files.isRegularFile(p)) {
                files.add(p);
            } else if (e.matches("(?i)[a-z][a-z0-9+.-]*://.+")) {
                links.add(naming(OPTIONS, () -> Evidence.link(e)));
            } else {
                throw new ValidationException("--evidence", e, "a link such as https://example.org/minutes.pdf or an"
                        + " existing file (no such file)");
            }
        }
        List<byte[]> contents = new ArrayList<>();
        for (Path p : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (IOException ex) {
                throw new ValidationException("--evidence", p.toString(), "a readable file (" + ex.getMessage() + ")");
            }
            try {
                EvidenceCheck.check(EvidenceCheck.cleanName(p.getFileName().toString()), bytes,
                        EvidenceCheck.DEFAULT_MAX_BYTES);
            } catch (ValidationException ex) {
                throw ex.withField("--evidence");
            }
            contents.add(bytes);
        }
        if (!files.isEmpty()) {
            preflight(plan);
        }
        List<Evidence> all = new ArrayList<>(links);
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).getFileName().toString();
            byte[] bytes = contents.get(i);
            EvidenceFile f = naming(OPTIONS, () -> supervision().uploadEvidence(who, planId, taskId, name, bytes));
            all.add(Evidence.file(f.id()));
            out().println(say("已上传佐证文件 " + f.id() + "：" + f.name() + "（" + f.contentType() + "，" + f.size()
                    + " 字节）", "Uploaded evidence " + f.id() + ": " + f.name() + " (" + f.contentType() + ", "
                    + f.size() + " bytes)"));
        }
        TaskReportRequest request = naming(OPTIONS, () -> new TaskReportRequest(planId, taskId, unit, period, progress,
                problems, next, assessment, all, figs));
        TaskReport r = naming(OPTIONS, () -> supervision().submitReport(who, request));
        out().println(say("已报送进展报告 " + r.id() + "（任务 " + r.taskId() + "，" + r.period() + "，" + r.unitId() + "，"
                + r.assessment().zh() + "）" + (r.needsReview() ? "：待复核。" : "：已计入。")
                + (r.supersedes() == null ? "" : "替代 " + r.supersedes() + "。"),
                "Recorded progress report " + r.id() + " (task " + r.taskId() + ", " + r.period() + ", " + r.unitId()
                + ", " + r.assessment().en() + ")" + (r.needsReview() ? ": pending review." : ": counts.")
                + (r.supersedes() == null ? "" : " Replaces " + r.supersedes() + ".")));
        return ExitCode.OK;
    }

    /** The checks of the report that core makes after an upload: the task takes reports, the period exists. */
    private void preflight(Plan plan) {
        TaskState st = supervision().record(root().who(), planId, taskId).state().orElse(null);
        if (st == null || !st.reportable()) {
            throw new ConflictException("任务 " + taskId + " " + (st == null ? "尚未交办" : "当前为「" + st.zh() + "」")
                    + "：进展报告须在任务签收后、办结前报送 / task " + taskId + " is " + (st == null ? "not assigned yet"
                    : st.en()) + ": progress is reported on a task once acknowledged and until it is closed");
        }
        if (period != null) {
            SupervisionSettings s = supervision().settings(root().who(), planId);
            List<String> keys = new ArrayList<>();
            for (ReportingPeriod p : s.calendar().periods(plan.period())) {
                keys.add(p.key());
            }
            if (!keys.contains(period)) {
                throw new ValidationException("--period", period, "a period of plan " + planId + "'s calendar "
                        + (keys.size() <= 4 ? keys : "[" + keys.get(0) + " … " + keys.get(keys.size() - 1) + "]")
                        + " (报送期不在计划期内)");
            }
        }
    }

    static SelfAssessment assessment(String text) {
        String t = text.strip();
        String key = t.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (SelfAssessment a : SelfAssessment.values()) {
            if (a.name().equals(key) || a.zh().equals(t)) {
                return a;
            }
        }
        throw new ValidationException("--state", text, "on-schedule, behind or done (按计划推进、滞后、已完成)");
    }

    static Figure figure(Task task, String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new ValidationException("--figure", text, "TARGET=VALUE or TARGET+=VALUE, e.g. 2.4.1=120");
        }
        boolean add = text.charAt(eq - 1) == '+';
        String target = text.substring(0, add ? eq - 1 : eq).strip();
        String value = text.substring(eq + 1).strip();
        List<String> ids = new ArrayList<>();
        for (Target t : task.targets()) {
            ids.add(t.id());
        }
        if (!ids.contains(target)) {
            throw new ValidationException("--figure", text, "a target of task " + task.id() + " "
                    + (ids.isEmpty() ? "(the task has no numeric targets)" : ids.toString()));
        }
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new ValidationException("--figure", text, "a number after '=' such as 120 or 2.5");
        }
        try {
            return new Figure(target, v, add ? ReportMode.ADD : ReportMode.SET);
        } catch (ValidationException e) {
            throw e.withField("--figure");
        }
    }
}
