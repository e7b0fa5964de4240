/**
 * The JDBC store's machinery behind {@link org.plantrack.persistence.jdbc.JdbcPlanStore}, not API: where the store
 * is and how it is opened ({@code StoreLocation}, H2 files and credentials), the transaction runner, the audit
 * chain and its keys, one repository per table group (plans, reports, units, tokens, audit), the plan codec and
 * cache, the migrations, SQL error translation, and the loading of store extensions.
 *
 * <p>SQL and JDBC live here and nowhere else; no evaluation, access checks or facade logic.
 */
package org.plantrack.persistence.jdbc.internal;
