/**
 * How other systems embed Plantrack, as a black-box consumer of the exported API: in memory, over an H2 file with
 * Guice, with plugins and listeners, with webhooks. Uses only exported packages (the JPMS descriptor makes sure).
 */
package org.plantrack.examples;
