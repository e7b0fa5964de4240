/**
 * Exchange formats: the canonical JSON plan format ({@link org.plantrack.core.exchange.PlanJson}) and
 * StratML Part 2 export ({@link org.plantrack.core.exchange.StratmlExport}).
 */
package org.plantrack.core.exchange;
