/** A system that embeds Plantrack: it needs only the core module. */
module org.example.consumer {
    requires org.plantrack.core;
}
