/**
 * The {@code plantrack} command line: a thin adapter that turns command lines into
 * {@link org.plantrack.core.PlanTracker} calls and prints their results as tables, JSON or CSV.
 * Entry point: {@link org.plantrack.adapter.cli.Main}.
 */
module org.plantrack.adapter.cli {
    requires org.plantrack.core;
    requires org.plantrack.persistence.jdbc;
    requires org.plantrack.webhooks;
    requires org.plantrack.wiring;
    requires org.plantrack.adapter.rest;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;

    exports org.plantrack.adapter.cli;

    opens org.plantrack.adapter.cli to info.picocli;
    opens org.plantrack.adapter.cli.json to com.fasterxml.jackson.databind;
}
