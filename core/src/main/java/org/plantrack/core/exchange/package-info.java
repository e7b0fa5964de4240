/**
 * Exchange formats: the canonical JSON plan format ({@link org.plantrack.core.exchange.PlanJson}) and
 * StratML Part 2 export ({@link org.plantrack.core.exchange.StratmlExport}). The JSON reader and writer
 * they use is in the non-exported {@code org.plantrack.core.exchange.json}.
 *
 * <p>Exchange reads and writes the model (and evaluations, for export); it imports no store, no access
 * check and not the facade. No JSON library and no Jackson annotations: JSON shapes of the adapters stay in
 * the adapters.
 */
package org.plantrack.core.exchange;
