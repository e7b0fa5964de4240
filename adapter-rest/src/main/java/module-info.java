/** Plantrack REST server. */
module org.plantrack.adapter.rest {
    requires org.plantrack.core;
    requires org.plantrack.persistence.jdbc;
}
