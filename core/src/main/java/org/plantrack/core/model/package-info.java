/**
 * Plantrack's domain: {@link org.plantrack.core.model.Plan}, {@link org.plantrack.core.model.Section},
 * {@link org.plantrack.core.model.Task}, {@link org.plantrack.core.model.Target},
 * {@link org.plantrack.core.model.Unit} and {@link org.plantrack.core.model.ProgressReport}: immutable
 * records validated in their constructors. An invalid value throws
 * {@link org.plantrack.core.error.ValidationException} naming the field and the value.
 */
package org.plantrack.core.model;
