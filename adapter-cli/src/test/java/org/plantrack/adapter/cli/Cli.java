package org.plantrack.adapter.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.PlanStore;

/** Runs the CLI in-process as a user would, with captured output, a fixed clock and one store. */
final class Cli {
    /** The day the tests run on: 15 July 2017, so 2017 dates before it are valid report dates. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2017-07-15T02:00:00Z"), ZoneOffset.UTC);

    final PlanStore store;
    final Path workDir;
    final Map<String, String> env = new HashMap<>();
    boolean stdoutTerminal;
    boolean stderrTerminal;

    Cli(PlanStore store, Path workDir) {
        this.store = store;
        this.workDir = workDir;
    }

    /** What one command line did. */
    record Result(int exit, String out, String err) {
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment e = new CliEnvironment(new PrintWriter(out), new PrintWriter(err), env, stdoutTerminal,
                stderrTerminal, "tester", CLOCK, setting -> store, workDir);
        int code = Main.run(e, args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * A small plan in the shape the importer produces: Chinese text, a count with a measure word,
     * a milestone, a percent, and a target whose goal is unknown (damaged in the document).
     */
    static Plan samplePlan() {
        Target experts = Target.builder("1.1.1", "新建院士专家工作站（数量缺损）").kind(
                org.plantrack.core.model.TargetKind.COUNT).goal(null).measure("家").build();
        Target companies = Target.builder("1.1.2", "服务企业200家").count(200, "家").build();
        Target hall = Target.builder("1.2.1", "科技馆年内开工建设").milestone().build();
        Target volunteers = Target.builder("2.1.1", "科普志愿者培训400名").count(400, "名")
                .unitIds(List.of("yanping-kx")).build();
        Target coverage = Target.builder("2.1.2", "实现两个全覆盖").percent(100).build();
        Section s1 = new Section("1", 1, "服务创新驱动发展", List.of(
                new Task("1.1", 1, "推进院士专家工作站建设", "", "nanping-kx", List.of(), List.of(experts, companies), null),
                new Task("1.2", 2, "推进科技馆建设", "", "nanping-kx", List.of(), List.of(hall), null)), null);
        Section s2 = new Section("2", 2, "提升公民科学素质", List.of(
                new Task("2.1", 1, "开展科普培训", "", "nanping-kx", List.of("yanping-kx"),
                        List.of(volunteers, coverage), null)), null);
        return new Plan("np-test", "南平市科协2017年工作要点", "南平市科学技术协会", "南科协〔2017〕12号",
                LocalDate.of(2017, 3, 1), List.of("各县（市、区）科协"), Period.calendarYear(2017), null,
                List.of(s1, s2), null, null, 0);
    }

    /** Stores the sample plan and its units directly through the facade. */
    static void seed(PlanStore store) {
        PlanTracker t = PlanTracker.builder().store(store).clock(CLOCK).build();
        t.saveUnit(Principal.system(), new Unit("nanping-kx", "南平市科协", null));
        t.saveUnit(Principal.system(), new Unit("yanping-kx", "延平区科协", "nanping-kx"));
        t.createPlan(Principal.system(), samplePlan());
    }
}
