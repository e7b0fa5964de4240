/**
 * Benchmarks and harnesses (JMH, and harnesses that print a comparison against a baseline measured in the same
 * run): evaluation, the JDBC store, REST, report cost, the plan cache, imports, province scale, CLI start-up. See
 * docs/performance.md for how to run each and what was measured. Nothing here is shipped or used by tests.
 */
package org.plantrack.benchmarks;
