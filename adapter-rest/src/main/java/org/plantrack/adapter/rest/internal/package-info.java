/**
 * The server's machinery, not API: the route table type ({@code Route}) and its registration
 * ({@code ApiRoutes}), the OpenAPI document built from the same table, authentication and rate limits
 * ({@code Access}, {@code RateLimiter}, {@code RecentBearers}, {@code ClientAddresses}), problem answers
 * ({@code Problems}, {@code JettyProblems}, {@code ApiException}), HTTP helpers, JSON bodies, the mapping between
 * DTOs and the model, the demo plan, and the server's Guice module.
 *
 * <p>No domain logic: a check, default or rule needed here belongs to {@link org.plantrack.core.PlanTracker}, so
 * that the command line and embedding systems get it too.
 */
package org.plantrack.adapter.rest.internal;
