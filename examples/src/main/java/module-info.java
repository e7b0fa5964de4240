/** Plantrack examples. */
module org.plantrack.examples {
    requires org.plantrack.core;
}
