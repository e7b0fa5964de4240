/** Plantrack command line. */
module org.plantrack.adapter.cli {
    requires org.plantrack.core;
    requires org.plantrack.persistence.jdbc;
}
