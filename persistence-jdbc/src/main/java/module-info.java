/** Plantrack persistence (JDBC). */
module org.plantrack.persistence.jdbc {
    requires org.plantrack.core;
}
