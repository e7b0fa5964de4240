/**
 * The composition root: Guice modules per feature ({@link org.plantrack.wiring.StoreModule},
 * {@link org.plantrack.wiring.WebhooksModule}, {@link org.plantrack.wiring.PluginsModule},
 * {@link org.plantrack.wiring.TrackerModule}) that the server and the command line both install, and
 * {@link org.plantrack.wiring.Wiring}, which builds the injector. A new feature with something to wire (a notifier,
 * an office-formats importer) gets its own module here, contributing {@link org.plantrack.wiring.TrackerPart}s.
 *
 * <p>Only wiring lives here: no domain logic, no HTTP, no command line. Core, the stores and the plugins never
 * import Guice.
 */
package org.plantrack.wiring;
