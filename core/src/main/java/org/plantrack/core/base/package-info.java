/**
 * Helpers every layer of core shares, not API (the package is not exported): argument validation for
 * canonical constructors ({@code Checks}), cheap number formatting for reason sentences and JSON
 * ({@code Fmt}), and the one plugin loader every SPI goes through, tolerant of a broken provider
 * ({@code Plugins}).
 *
 * <p>Just above {@link org.plantrack.core.error}: it may import only that package (and the JDK and slf4j),
 * never the model or a feature, so that the model can use it without a cycle. A helper that needs a model
 * type belongs with the feature that uses it.
 */
package org.plantrack.core.base;
