package org.plantrack.adapter.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.plantrack.core.exchange.Csv;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plantrack show PLAN}: a plan's header, sections, tasks and targets. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a plan: sections, tasks and targets with their ids.")
final class ShowCommand extends Base implements Callable<Integer> {

    @Override
    boolean readsOnly() {
        return true;
    }

    @Parameters(paramLabel = "PLAN", description = "The plan id.")
    String planId;

    @Option(names = "--format", paramLabel = "table|json|csv",
            description = "Output format (default: table; csv lists the targets).")
    Format format = Format.table;

    @Override
    public Integer call() {
        Plan plan = tracker().plan(root().who(), planId);
        switch (format) {
            case json:
                out().print(JsonOutput.write(ShapesOf.detail(plan)));
                break;
            case csv:
                out().print(Csv.line(List.of("section", "task", "target", "kind", "goal", "measure", "due",
                        "description"), Csv.LF));
                for (Section s : plan.sections()) {
                    for (Task t : s.tasks()) {
                        for (Target g : t.targets()) {
                            out().print(Csv.line(List.of(s.id(), t.id(), g.id(), g.kind().name(),
                                    g.goal() == null ? "" : num(g.goal()), g.measure(),
                                    g.dueDateOr(plan.period().end()).toString(), g.description()), Csv.LF));
                        }
                    }
                }
                break;
            default:
                printTree(out(), plan, root().ansi());
        }
        return ExitCode.OK;
    }

    /** The plan as an indented outline: header lines, then sections, tasks and a target table per task. */
    static void printTree(PrintWriter out, Plan plan, Ansi ansi) {
        out.println(ansi.bold(plan.title()) + "  [" + plan.id() + ", version " + plan.version() + "]");
        List<String> header = new ArrayList<>();
        if (plan.documentNumber() != null) {
            header.add(plan.documentNumber());
        }
        if (plan.issuer() != null) {
            header.add(plan.issuer());
        }
        if (plan.issueDate() != null) {
            header.add(plan.issueDate().toString());
        }
        header.add("period " + plan.period().start() + ".." + plan.period().end());
        out.println(String.join(" · ", header));
        for (Section s : plan.sections()) {
            out.println();
            out.println(ansi.bold(s.id() + ". " + s.title()));
            for (Task t : s.tasks()) {
                out.println("  " + t.id() + "  " + DisplayWidth.truncate(t.title(), 72)
                        + (t.units().isEmpty() ? "" : "  [" + String.join(", ", t.units()) + "]"));
                if (t.targets().isEmpty()) {
                    continue;
                }
                Table table = new Table("TARGET", "KIND", "GOAL", "DUE", "DESCRIPTION").right(2).maxWidth(4, 56);
                for (Target g : t.targets()) {
                    String goal = g.goal() == null ? "?" : num(g.goal()) + (g.measure().isEmpty() ? "" : " " + g.measure());
                    table.row(g.id(), g.kind().name().toLowerCase(java.util.Locale.ROOT), goal,
                            g.dueDateOr(plan.period().end()), g.description());
                }
                for (String line : table.render().split("\n")) {
                    out.println("      " + line);
                }
            }
        }
    }
}
