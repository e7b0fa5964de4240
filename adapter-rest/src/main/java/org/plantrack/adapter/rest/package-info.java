/**
 * The HTTP server's public face: {@link org.plantrack.adapter.rest.PlantrackServer} (start, stop, the injector of
 * the composition root) and {@link org.plantrack.adapter.rest.ServerConfig} (its settings, from
 * {@code plantrack serve}'s options or the environment). Everything else of the server is in the non-exported
 * {@code internal} packages.
 */
package org.plantrack.adapter.rest;
