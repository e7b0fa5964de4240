/** Extension points: evaluation {@link org.plantrack.core.spi.Rule}s and their {@link org.plantrack.core.spi.RuleProvider}s. */
package org.plantrack.core.spi;
