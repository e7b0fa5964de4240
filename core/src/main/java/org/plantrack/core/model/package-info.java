/**
 * Plantrack's domain: {@link org.plantrack.core.model.Plan}, {@link org.plantrack.core.model.Section},
 * {@link org.plantrack.core.model.Task}, {@link org.plantrack.core.model.Target},
 * {@link org.plantrack.core.model.Unit} and {@link org.plantrack.core.model.ProgressReport} (with the
 * {@link org.plantrack.core.model.ProgressReport#ORDER report order} every store and the evaluator use):
 * immutable records validated in their constructors. An invalid value throws
 * {@link org.plantrack.core.error.ValidationException} naming the field and the value.
 *
 * <p>Above {@code error} and {@code base} only: the model imports no feature (evaluation, store, access,
 * importing, exchange, report, event, spi) and not the facade. Behaviour that needs more than the values
 * themselves (statuses, persistence, parsing, rendering) lives in those packages, not here.
 */
package org.plantrack.core.model;
