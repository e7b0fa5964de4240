package org.plantrack.adapter.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.plantrack.core.model.Unit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plantrack units} lists units; {@code plantrack units add ID NAME} creates or renames one. */
@Command(name = "units", mixinStandardHelpOptions = true,
        description = "List the units responsible for work; 'units add' adds one.",
        subcommands = UnitsCommand.Add.class)
final class UnitsCommand extends Base implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "table|json|csv", description = "Output format (default: table).")
    Format format = Format.table;

    @Override
    public Integer call() {
        List<Unit> units = tracker().units(root().who());
        list(format, units, us -> us.stream().map(ShapesOf::unit).collect(Collectors.toList()),
                List.of("id", "name", "parent"),
                u -> List.of(u.id(), u.name(), u.parentId() == null ? "" : u.parentId()),
                new Table("ID", "NAME", "PARENT"));
        return ExitCode.OK;
    }

    /** {@code plantrack units add ID NAME [--parent P]}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a unit, or rename an existing one.")
    static final class Add extends Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "The unit id, e.g. yanping-kx.")
        String id;

        @Parameters(index = "1", paramLabel = "NAME", description = "Its name, e.g. 延平区科协.")
        String name;

        @Option(names = "--parent", paramLabel = "P", description = "The id of the unit it belongs to.")
        String parent;

        @Override
        public Integer call() {
            if (parent != null && tracker().findUnit(root().who(), parent).isEmpty()) {
                throw new org.plantrack.core.error.NotFoundException("unit", parent, "(named by --parent)");
            }
            Unit u = tracker().saveUnit(root().who(), new Unit(id, name, parent));
            out().println("Saved unit " + u.id() + " (" + u.name() + ")"
                    + (u.parentId() == null ? "" : " under " + u.parentId()) + ".");
            return ExitCode.OK;
        }
    }
}
