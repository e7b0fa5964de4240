package org.plantrack.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.plantrack.core.engine.Evaluator;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.engine.ReportIndex;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;

/**
 * Evaluating one generated plan (about 40 targets) with a year of reports, as of 30 September:
 * the evaluator (rules, reasons in two languages, roll-ups) against the hand-written baseline loop.
 * Scores are target evaluations per second ({@link OperationsPerInvocation} = the plan's {@value #TARGETS}
 * targets, with its 1,092 reports, about 820 of them dated on or before the evaluation date, folded in).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(EvaluationBenchmark.TARGETS)
public class EvaluationBenchmark {
    /** Targets in the generated plan (seed 2017, index 1); checked in {@link #setUp()}. */
    static final int TARGETS = 41;
    private Plan plan;
    private List<ProgressReport> reports;
    private ReportIndex index;
    private final LocalDate asOf = LocalDate.of(2017, 9, 30);
    private final Evaluator evaluator = Evaluator.standard();
    /** Number of targets in the plan (printed by the harness). */
    public int targets;

    @Setup
    public void setUp() {
        Random rnd = new Random(2017);
        plan = Portfolio.plan(rnd, 1);
        reports = Portfolio.reports(rnd, plan, new long[1]);
        index = ReportIndex.of(plan, reports);
        targets = plan.targets().size();
        if (targets != TARGETS) {
            throw new IllegalStateException("the generated plan has " + targets + " targets, not " + TARGETS);
        }
    }

    @Benchmark
    public PlanEvaluation evaluator() {
        return evaluator.evaluate(plan, reports, asOf);
    }

    /** The same evaluation from the plan's {@link ReportIndex}, built once in {@link #setUp()}. */
    @Benchmark
    public PlanEvaluation evaluatorFromIndex() {
        return evaluator.evaluate(index, asOf);
    }

    @Benchmark
    public int baselineLoop() {
        return BaselineLoop.evaluate(plan, reports, asOf);
    }
}
