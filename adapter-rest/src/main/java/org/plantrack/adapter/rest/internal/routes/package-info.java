/**
 * The routes of each resource (plans, structure, targets, evaluation, reports, units, audit, tokens, health), each
 * class giving its part of the route table: method, path, roles, documentation and the handler. Handlers read the
 * request, call {@link org.plantrack.core.PlanTracker} and map its answer; shared request helpers are in
 * {@code RouteSupport}. A new route goes into its resource's class (and its cell into {@code AccessMatrixTest}).
 */
package org.plantrack.adapter.rest.internal.routes;
