package org.plantrack.adapter.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.plantrack.core.model.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plantrack plans}: every stored plan. */
@Command(name = "plans", mixinStandardHelpOptions = true, description = "List the stored plans.")
final class PlansCommand extends Base implements Callable<Integer> {

    @Override
    boolean readsOnly() {
        return true;
    }

    @Option(names = "--format", paramLabel = "table|json|csv", description = "Output format (default: table).")
    Format format = Format.table;

    @Override
    public Integer call() {
        List<Plan> plans = tracker().plans(root().who());
        list(format, plans, ps -> ps.stream().map(ShapesOf::summary).collect(Collectors.toList()),
                List.of("id", "title", "document", "period", "state", "version", "targets"),
                p -> List.of(p.id(), p.title(), p.documentNumber() == null ? "" : p.documentNumber(),
                        p.period().start() + ".." + p.period().end(), p.state().name(), p.version(),
                        p.targets().size()),
                new Table("ID", "TITLE", "DOCUMENT", "PERIOD", "STATE", "VERSION", "TARGETS").maxWidth(1, 40));
        if (plans.isEmpty() && format == Format.table) {
            err().println("plantrack: no plans yet; import one with: plantrack import FILE");
        }
        return ExitCode.OK;
    }
}
