/**
 * The JSON shapes of the REST API as records ({@code Dto}); OpenAPI's schemas are generated from them. A plan's
 * shape is the exchange format's ({@code PlanJson}). Records only: no behaviour, no model types.
 */
package org.plantrack.adapter.rest.internal.dto;
